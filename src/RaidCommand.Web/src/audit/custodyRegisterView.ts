import type { CustodyRegisterLine } from "../api/auditTypes";
import { formatInZone } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import type { OperationPlaces } from "./operationPlaces";

/** The custody register as it stood at an instant: who was held, arrested where and when, and where they stood. */
export function custodyRegisterView(lines: CustodyRegisterLine[], places: OperationPlaces): HTMLElement {
  const body =
    lines.length === 0
      ? h("p", { class: "muted" }, t("noneArrested"))
      : h(
          "table",
          { class: "register" },
          h("thead", {}, h("tr", {}, ...[t("person"), t("city"), t("arrestedAt"), t("status"), t("heldAt")].map((label) => h("th", {}, label)))),
          h(
            "tbody",
            {},
            ...lines.map((line) =>
              h(
                "tr",
                { "data-testid": "custody-line", "data-person-id": line.personId },
                h("td", {}, line.name ?? line.localTag ?? line.personId.slice(0, 8)),
                h("td", {}, places.cityName(line.arrestCity)),
                h("td", {}, formatInZone(line.arrestedAt, places.zoneOfCity(line.arrestCity))),
                h("td", { "data-testid": "custody-status" }, t(`custody.${line.status}`)),
                h("td", {}, [places.cityName(line.location.cityCode), line.location.facility].filter(Boolean).join(" · ")),
              ),
            ),
          ),
        );
  return h("section", { class: "panel", "data-testid": "as-of-custody" }, h("h2", {}, t("custodyRegister")), body);
}
