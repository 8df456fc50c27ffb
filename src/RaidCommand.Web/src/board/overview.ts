import type { Board } from "../api/types";
import { t } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { h } from "../ui/dom";
import { totalsView } from "./totalsView";

/** The operation's name, commander, status and totals: the head of a board, live or as of an instant. */
export function overview(board: Board): HTMLElement {
  return h(
    "section",
    { class: "overview", "data-testid": "overview" },
    h("h1", {}, `${board.codeName} · ${board.title}`),
    h("p", { class: "muted" }, `${t("commander")}: ${board.commander} · ${t("status")}: ${t(`operation.${board.status}` as MessageKey)}`),
    totalsView(board.totals, "operation"),
  );
}
