import { getBoard, getMe, listOperations } from "../api/endpoints";
import { mayAudit } from "../auth/memberships";
import type { Names } from "../i18n/eventText";
import { onLanguageChange, t } from "../i18n/i18n";
import { OperationFeed, type FeedStatus } from "../live/operationFeed";
import { h, replaceChildren } from "../ui/dom";
import { chosenOperation, operationPicker } from "../ui/operationPicker";
import { navLink, topBar } from "../ui/topBar";
import { RefreshScheduler } from "../util/refreshScheduler";
import { ActivityFeed } from "./activityFeed";
import { ArrestsChart } from "./arrestsChart";
import { cityPanel } from "./cityPanel";
import { startCountdowns, tickCountdowns } from "./countdown";
import { overview } from "./overview";
import { transfersPanel } from "./transfersPanel";

const statusKeys = { connecting: "feedConnecting", live: "feedLive", reconnecting: "feedReconnecting", offline: "feedOffline" } as const;

/** The command board: overview, cities with their sites, live activity, arrests chart and transfers. */
export async function renderBoard(root: HTMLElement): Promise<void> {
  const [operations, me] = await Promise.all([listOperations(), getMe()]);
  const operationId = chosenOperation(operations);
  if (operationId === null) {
    replaceChildren(root, topBar(t("commandBoard")), h("main", {}, h("p", { class: "muted" }, t("noOperations"))));
    return;
  }

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
    const auditLink = mayAudit(me, operationId) ? navLink(t("auditReplay"), `/audit?operation=${operationId}`, "audit-link") : null;
    const navigation = h("span", { class: "nav" }, operationPicker(operations, operationId, (id) => `/?operation=${id}`), auditLink);
    replaceChildren(root, topBar(t("commandBoard"), navigation), h("div", { class: "status-line" }, feedStatus), h("div", { class: "board" }, main, side));
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
