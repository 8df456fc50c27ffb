import type { Totals } from "../api/types";
import { formatMoneyTotals } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";

function seizureSummary(byCategory: Record<string, number>): string {
  const parts = Object.entries(byCategory).map(([category, quantity]) => `${t(`category.${category}` as never)} ${quantity}`);
  return parts.length > 0 ? parts.join(" · ") : "0";
}

/** Arrests, detentions, seizures by category and money frozen, for a site, a city or the operation. */
export function totalsView(totals: Totals, testId: string): HTMLElement {
  return h(
    "dl",
    { class: "totals", "data-testid": testId },
    h("dt", {}, t("arrests")),
    h("dd", { class: "big", "data-testid": `${testId}-arrests` }, String(totals.arrests)),
    h("dt", {}, t("detentions")),
    h("dd", { class: "big", "data-testid": `${testId}-detentions` }, String(totals.criminalDetentions)),
    h("dt", {}, t("seizures")),
    h("dd", {}, seizureSummary(totals.seizuresByCategory)),
    h("dt", {}, t("frozen")),
    h("dd", { "data-testid": `${testId}-frozen` }, formatMoneyTotals(totals.frozenByCurrency)),
  );
}
