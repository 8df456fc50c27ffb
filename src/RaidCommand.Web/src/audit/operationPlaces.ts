import type { CustodyRegisterLine, TimelineEntry } from "../api/auditTypes";
import type { Board } from "../api/types";

function idIn(data: Record<string, unknown>, name: string): string | undefined {
  const value = data[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Where things of the operation are: the cities with their names and time zones, and the city of each site, team,
 * person and transfer, from the current board and custody register. An entry is read on the clock of the city it
 * names, or of its site, person or transfer; when none is known, in UTC.
 */
export class OperationPlaces {
  private readonly cities = new Map<string, { name: string; timeZoneId: string }>();
  private readonly cityOf = new Map<string, string>();

  constructor(board: Board, register: CustodyRegisterLine[]) {
    this.cities.set(board.homeCity.code, { name: board.homeCity.name, timeZoneId: board.homeCity.timeZoneId });
    for (const city of board.cities) this.cities.set(city.code, { name: city.name, timeZoneId: city.timeZoneId });
    for (const site of board.sites) this.cityOf.set(site.siteId, site.cityCode);
    for (const team of board.teams) this.cityOf.set(team.teamId, team.cityCode);
    for (const transfer of board.transfers) this.cityOf.set(transfer.transferId, transfer.originCity);
    for (const line of register) this.cityOf.set(line.personId, line.arrestCity);
  }

  cityName(code: string): string {
    return this.cities.get(code)?.name ?? code;
  }

  zoneOfCity(code: string): string | null {
    return this.cities.get(code)?.timeZoneId ?? null;
  }

  zoneOf(entry: TimelineEntry): string | null {
    const data = entry.data;
    const known = (name: string): string | undefined => {
      const id = idIn(data, name);
      return id === undefined ? undefined : this.cityOf.get(id);
    };
    const city = idIn(data, "cityCode") ?? idIn(data, "originCity") ?? known("siteId") ?? known("personId") ?? known("transferId") ?? known("teamId");
    return city === undefined ? null : this.zoneOfCity(city);
  }
}
