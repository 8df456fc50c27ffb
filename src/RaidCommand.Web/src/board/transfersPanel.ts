import type { Board } from "../api/types";
import { t } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { h } from "../ui/dom";

function count(value: number | null): string {
  return value === null ? "–" : String(value);
}

/** Transfers (押解) with their headcounts per stage; a headcount that does not reconcile is shown as an alert. */
export function transfersPanel(board: Board): HTMLElement {
  const cityName = (code: string): string =>
    board.cities.find((city) => city.code === code)?.name ?? (board.homeCity.code === code ? board.homeCity.name : code);
  const items = board.transfers.map((transfer) =>
    h(
      "li",
      { class: `transfer ${transfer.alerts.length > 0 ? "has-alert" : ""}`, "data-testid": `transfer-${transfer.transferId}` },
      h(
        "div",
        {},
        h("strong", {}, `${cityName(transfer.originCity)} → ${cityName(transfer.destinationCity)}`),
        ` ${transfer.vehicleOrFlight} · `,
        h("span", { class: "badge" }, t(`transfer.${transfer.status}`)),
        ` · ${t("manifest", { count: transfer.manifestSize })}`,
      ),
      h(
        "div",
        { class: "muted" },
        t("headcounts", {
          boarded: count(transfer.boarded),
          departed: count(transfer.departed),
          arrived: count(transfer.arrived),
          handedOver: count(transfer.handedOver),
        }),
      ),
      ...transfer.alerts.map((alert) =>
        h("div", { class: "alert", role: "alert" }, t("alert", { stage: t(`stage.${alert.stage}` as MessageKey), expected: alert.expected, actual: alert.actual })),
      ),
    ),
  );
  return h(
    "section",
    { class: "panel", "data-testid": "transfers" },
    h("h2", {}, t("transfers")),
    items.length > 0 ? h("ul", { class: "plain" }, ...items) : h("p", { class: "muted" }, t("noTransfers")),
  );
}
