import type { Board } from "../api/types";
import { cityPanel } from "../board/cityPanel";
import { tickCountdowns } from "../board/countdown";
import { overview } from "../board/overview";
import { transfersPanel } from "../board/transfersPanel";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";

/** The command board as it stood at an instant, drawn by the live board's own parts; its clocks read that instant. */
export function asOfBoardView(board: Board | null, at: number): HTMLElement {
  if (!board) return h("p", { class: "muted", "data-testid": "as-of-nothing" }, t("nothingYet"));
  const view = h("div", { class: "as-of-board", "data-testid": "as-of-board" }, overview(board), ...board.cities.map((city) => cityPanel(board, city)), transfersPanel(board));
  tickCountdowns(view, at);
  return view;
}
