import type { CustodyRegisterLine } from "../api/auditTypes";
import type { Board } from "../api/types";
import { en, type MessageKey } from "../i18n/messages";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import { instantOfWallClock } from "../util/wallClock";

/** Every event type of an operation's record: the ones the type filter offers, each with its label. */
const eventTypes = Object.keys(en)
  .filter((key) => key.startsWith("eventType."))
  .map((key) => key.slice("eventType.".length));

type SelectName = "city" | "site" | "team" | "person" | "type";
type Values = Record<SelectName | "from" | "to", string> & { lateOnly: boolean };

const empty = (): Values => ({ city: "", site: "", team: "", person: "", type: "", from: "", to: "", lateOnly: false });

interface Choice {
  value: string;
  label: string;
}

/**
 * The timeline's filters, named as the endpoint names them (city, site, team, person, type, lateOnly, from/to on the
 * occurred clock). from/to are typed on the home city's wall clock and sent as instants.
 */
export class TimelineFilters {
  readonly element = h("form", { class: "filters", "data-testid": "timeline-filters" });
  private values = empty();

  constructor(
    private readonly board: Board,
    private readonly register: CustodyRegisterLine[],
    private readonly zone: string,
    private readonly onChange: () => void,
  ) {
    this.element.addEventListener("submit", (event) => event.preventDefault());
  }

  query(): URLSearchParams {
    const query = new URLSearchParams();
    for (const name of ["city", "site", "team", "person", "type"] as const) {
      if (this.values[name]) query.set(name, this.values[name]);
    }
    if (this.values.lateOnly) query.set("lateOnly", "true");
    for (const name of ["from", "to"] as const) {
      const instant = instantOfWallClock(this.values[name], this.zone);
      if (instant !== null) query.set(name, new Date(instant).toISOString());
    }
    return query;
  }

  render(): void {
    const cities: Choice[] = [this.board.homeCity, ...this.board.cities.filter((city) => city.code !== this.board.homeCity.code)].map((city) => ({ value: city.code, label: city.name }));
    const cityName = (code: string): string => cities.find((city) => city.value === code)?.label ?? code;
    const sites = this.board.sites.map((site) => ({ value: site.siteId, label: `${site.address} (${cityName(site.cityCode)})` }));
    const teams = this.board.teams.map((team) => ({ value: team.teamId, label: team.name }));
    const persons = this.register.map((line) => ({ value: line.personId, label: line.name ?? line.localTag ?? line.personId.slice(0, 8) }));
    const types = eventTypes.map((type) => ({ value: type, label: t(`eventType.${type}` as MessageKey) }));
    const clear = h("button", { type: "button", class: "link", "data-testid": "clear-filters" }, t("clearFilters"));
    clear.addEventListener("click", () => {
      this.values = empty();
      this.render();
      this.onChange();
    });
    this.element.replaceChildren(
      this.select("city", t("city"), t("allCities"), cities),
      this.select("site", t("site"), t("allSites"), sites),
      this.select("team", t("team"), t("allTeams"), teams),
      this.select("person", t("person"), t("allPersons"), persons),
      this.select("type", t("eventType"), t("allTypes"), types),
      this.instant("from", `${t("occurredFrom")} (${t("timesIn", { zone: this.zone })})`),
      this.instant("to", `${t("occurredTo")} (${t("timesIn", { zone: this.zone })})`),
      this.lateOnly(),
      clear,
    );
  }

  private select(name: SelectName, label: string, any: string, choices: Choice[]): HTMLElement {
    const select = h("select", { name, "data-testid": `filter-${name}` }, h("option", { value: "" }, any), ...choices.map((choice) => h("option", { value: choice.value }, choice.label)));
    select.value = this.values[name];
    select.addEventListener("change", () => this.set(name, select.value));
    return h("label", {}, label, select);
  }

  private instant(name: "from" | "to", label: string): HTMLElement {
    const input = h("input", { type: "datetime-local", step: 1, name, "data-testid": `filter-${name}` });
    input.value = this.values[name];
    input.addEventListener("change", () => this.set(name, input.value));
    return h("label", {}, label, input);
  }

  private lateOnly(): HTMLElement {
    const box = h("input", { type: "checkbox", name: "lateOnly", "data-testid": "filter-late-only" });
    box.checked = this.values.lateOnly;
    box.addEventListener("change", () => {
      this.values.lateOnly = box.checked;
      this.onChange();
    });
    return h("label", { class: "check" }, box, t("lateOnly"));
  }

  private set(name: SelectName | "from" | "to", value: string): void {
    this.values[name] = value;
    this.onChange();
  }
}
