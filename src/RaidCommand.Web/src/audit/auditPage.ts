import { getBoard, getCustodyRegister, getMe, getTimelineSpan, listOperations } from "../api/endpoints";
import { mayAudit, mayVerifyIntegrity } from "../auth/memberships";
import type { Names } from "../i18n/eventText";
import { onLanguageChange, t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";
import { chosenOperation, operationPicker } from "../ui/operationPicker";
import { navLink, topBar } from "../ui/topBar";
import { AsOfReplay } from "./asOfReplay";
import { ExportLinks } from "./exportLinks";
import { IntegrityPanel } from "./integrityPanel";
import { OperationPlaces } from "./operationPlaces";
import { Playback } from "./playback";
import { spanOf, TimeControls } from "./timeControls";
import { TimelineFilters } from "./timelineFilters";
import { TimelineList } from "./timelineList";

const auditPath = (operationId: string): string => `/audit?operation=${operationId}`;

/**
 * The auditor's page: the operation's timeline with filters, the board and custody register as of any instant on
 * either clock (with playback), the signed integrity check and the exports. It only reads: nothing here writes.
 */
export async function renderAudit(root: HTMLElement): Promise<void> {
  const [operations, me] = await Promise.all([listOperations(), getMe()]);
  const auditable = operations.filter((operation) => mayAudit(me, operation.operationId));
  const operationId = chosenOperation(auditable);
  if (operationId === null) {
    replaceChildren(root, topBar(t("auditReplay")), h("main", { class: "audit" }, h("p", { class: "muted" }, t("noAuditableOperations"))));
    return;
  }

  const [board, register, span] = await Promise.all([getBoard(operationId), getCustodyRegister(operationId), getTimelineSpan(operationId)]);
  const places = new OperationPlaces(board, register);
  const names: Names = { board, persons: new Map(register.map((line) => [line.personId, line.name ?? line.localTag ?? ""])) };
  const zone = board.homeCity.timeZoneId;

  const filters = new TimelineFilters(board, register, zone, () => void timeline.reset());
  const timeline = new TimelineList(operationId, () => filters.query(), { places, names }, () => h("header", { class: "timeline-header" }, h("h2", {}, t("timeline")), filters.element));
  const replay = new AsOfReplay(operationId, places, zone);
  const playback = new Playback(() => replay.whenShown());
  const extent = spanOf(span);
  const controls = extent ? new TimeControls(extent, zone, (moment, settle) => replay.show(moment, settle), playback.button, () => playback.stop()) : null;
  if (controls) playback.attach(controls);
  const integrity = mayVerifyIntegrity(me) ? new IntegrityPanel() : null;
  const exports = new ExportLinks(operationId, () => filters.query());

  const renderAll = (): void => {
    const navigation = h("span", { class: "nav" }, operationPicker(auditable, operationId, auditPath), navLink(t("commandBoard"), `/?operation=${operationId}`, "board-link"));
    const replaySection = h(
      "section",
      { class: "panel replay", "data-testid": "replay" },
      h("h2", {}, t("replay")),
      controls ? controls.element : h("p", { class: "muted" }, t("noSpan")),
      controls ? replay.element : null,
    );
    replaceChildren(
      root,
      topBar(t("auditReplay"), navigation),
      h(
        "main",
        { class: "audit", "data-testid": "audit-page" },
        h("header", { class: "audit-head" }, h("h1", {}, `${board.codeName} · ${board.title}`), h("p", { class: "muted" }, t("readOnly"))),
        h("div", { class: "audit-tools" }, integrity ? integrity.element : h("section", { class: "panel" }, h("h2", {}, t("integrity")), h("p", { class: "muted" }, t("integrityForAuditors"))), exports.element),
        replaySection,
        timeline.element,
      ),
    );
    filters.render();
    timeline.render();
    controls?.render();
    playback.render();
    if (controls) replay.render();
    integrity?.render();
    exports.render();
  };

  renderAll();
  onLanguageChange(renderAll);
  controls?.moveTo(controls.end, false);
  await timeline.reset();
}
