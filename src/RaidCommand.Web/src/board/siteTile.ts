import type { BoardSite } from "../api/types";
import { formatTime } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import { totalsView } from "./totalsView";

/** One den (窝点): status, team, expected headcount and its results. */
export function siteTile(site: BoardSite, timeZone: string): HTMLElement {
  const since = site.dismantledAt ?? site.securedAt ?? site.breachedAt;
  return h(
    "article",
    { class: `tile site status-${site.status.toLowerCase()}`, "data-testid": `site-${site.siteId}` },
    h(
      "header",
      {},
      h("span", { class: "address" }, site.address),
      h("span", { class: "badge", "data-testid": `site-${site.siteId}-status` }, t(`site.${site.status}`)),
    ),
    h(
      "p",
      { class: "muted" },
      site.teams.length > 0 ? `${t("team")}: ${site.teams.map((team) => team.name).join(", ")}` : t("noTeam"),
      " · ",
      t("expected", { count: site.expectedHeadcount }),
      since ? ` · ${formatTime(since, timeZone)}` : "",
    ),
    totalsView(site.totals, `site-${site.siteId}`),
  );
}
