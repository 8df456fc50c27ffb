import { getBoard, listOperations } from "../api/endpoints";
import type { Board, OperationSummary } from "../api/types";
import type { Names } from "../i18n/eventText";
import type { MessageKey } from "../i18n/messages";
import { onLanguageChange, t } from "../i18n/i18n";
import { OperationFeed, type FeedStatus } from "../live/operationFeed";
import { h, replaceChildren } from "../ui/dom";
import { topBar } from "../ui/topBar";
import { ActivityFeed } from "./activityFeed";
import { ArrestsChart } from "./arrestsChart";
import { cityPanel } from "./cityPanel";
import { startCountdowns, tickCountdowns } from "./countdown";
import { RefreshScheduler } from "../util/refreshScheduler";
import { totalsView } from "./totalsView";
import { transfersPanel } from "./transfersPanel";

const statusKeys = { connecting: "feedConnecting", live: "feedLive", reconnecting: "feedReconnecting", offline: "feedOffline" } as const;

function operationPicker(operations: OperationSummary[], selected: string): HTMLElement {
  const select = h("select", { "data-testid": "operation-picker", "aria-label": t("operations") });
  for (const operation of operations) {
    const option = h("option", { value: operation.operationId }, `${operation.codeName} — ${operation.title}`);
    option.selected = operation.operationId === selected;
    select.append(option);
  }
  select.addEventListener("change", () => location.assign(`/?operation=${select.value}`));
  return select;
}

function overview(board: Board): HTMLElement {
  return h(
    "section",
    { class: "overview", "data-testid": "overview" },
    h("h1", {}, `${board.codeName} · ${board.title}`),
    h("p", { class: "muted" }, `${t("commander")}: ${board.commander} · ${t("status")}: ${t(`operation.${board.status}` as MessageKey)}`),
    totalsView(board.totals, "operation"),
  );
}

/** The command board: overview, cities with their sites, live activity, arrests chart and transfers. */
export async function renderBoard(root: HTMLElement): Promise<void> {
  const operations = await listOperations();
  if (operations.length === 0) {
    replaceChildren(root, topBar(t("commandBoard")), h("main", {}, h("p", { class: "muted" }, t("noOperations"))));
    return;
  }
  const requested = new URLSearchParams(location.search).get("operation");
  const operationId = operations.find((operation) => operation.operationId === requested)?.operationId ?? operations[0]!.operationId;

  const names: Names = { board: null, persons: new Map() };
  const activity = new ActivityFeed(names);
  const chart = new ArrestsChart();
  const feedStatus = h("span", { class: "feed-status", "data-testid": "feed-status" });
  const main = h("div", { class: "board-main" });
  const side = h("aside", { class: "board-side" });
  let board = await getBoard(operationId);
  let status: FeedStatus = "connecting";

  const renderBoardPart = (): void => {
    names.board = board;
    chart.setBoard(board);
    replaceChildren(main, overview(board), ...board.cities.map((city) => cityPanel(board, city)));
    tickCountdowns(main);
    replaceChildren(side, h("section", { class: "panel" }, h("h2", {}, t("activity")), activity.element), chart.element, transfersPanel(board));
  };
  const renderAll = (): void => {
    feedStatus.textContent = t(statusKeys[status]);
    feedStatus.className = `feed-status ${status}`;
    replaceChildren(root, topBar(t("commandBoard"), operationPicker(operations, operationId)), h("div", { class: "status-line" }, feedStatus), h("div", { class: "board" }, main, side));
    renderBoardPart();
    activity.render();
    chart.render();
  };

  const feed: OperationFeed = new OperationFeed(operationId, {
    onEvents: (events) => {
      activity.add(events);
      chart.add(events);
      scheduler.request();
    },
    onCaughtUp: () => scheduler.request(),
    onStatus: (next) => {
      status = next;
      feedStatus.textContent = t(statusKeys[next]);
      feedStatus.className = `feed-status ${next}`;
      feedStatus.dataset["state"] = next;
    },
  });
  // Read-your-writes: ask for the board as of the newest event received, so the tiles never lag the feed.
  const scheduler = new RefreshScheduler(async () => {
    board = await getBoard(operationId, feed.position);
    renderBoardPart();
  });

  renderAll();
  onLanguageChange(renderAll);
  // While the hub is unreachable the board still follows the field, only slower: it re-reads every few seconds.
  window.setInterval(() => {
    if (status !== "live") scheduler.request();
  }, 5_000);
  startCountdowns(root);
  await feed.start();
}
