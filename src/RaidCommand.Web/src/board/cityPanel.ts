import type { Board, BoardCity } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import { siteTile } from "./siteTile";
import { totalsView } from "./totalsView";

/** A city: its H-hour on its own clock with a countdown, its totals, and a tile per site. */
export function cityPanel(board: Board, city: BoardCity): HTMLElement {
  const hHour = city.hHour
    ? h(
        "div",
        { class: "h-hour", "data-h-hour": city.hHour, "data-zone": city.timeZoneId },
        h("span", { class: "countdown" }),
        h("span", { class: "muted" }, `${t("hHour")} ${formatDateTime(city.hHour, city.timeZoneId)} (${city.timeZoneId})`),
        h("span", { class: "clock muted" }),
      )
    : h("div", { class: "h-hour muted" }, t("hHourNotSet"));
  return h(
    "section",
    { class: "city", "data-testid": `city-${city.code}` },
    h(
      "header",
      { class: "city-header" },
      h("h2", {}, `${city.name} (${city.code})`),
      h("span", { class: "muted" }, `${t("commander")}: ${city.localCommander}`),
      h("span", { class: "badge" }, city.launchedAt ? t("launched", { time: formatDateTime(city.launchedAt, city.timeZoneId) }) : t("notLaunched")),
    ),
    hHour,
    totalsView(city.totals, `city-${city.code}`),
    h("div", { class: "tiles" }, ...board.sites.filter((site) => site.cityCode === city.code).map((site) => siteTile(site, city.timeZoneId))),
  );
}
