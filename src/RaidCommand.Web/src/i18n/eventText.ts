import type { Board, FeedEvent } from "../api/types";
import { formatDateTime, formatMoney } from "./format";
import { hasMessage, labelOf, t } from "./i18n";

/** What the activity feed needs to name things: sites and cities from the board, persons from earlier arrests. */
export interface Names {
  board: Board | null;
  persons: Map<string, string>;
}

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function money(value: unknown): string {
  const amount = value as { amount?: number; currency?: string } | undefined;
  return amount?.amount !== undefined && amount.currency ? formatMoney(amount.amount, amount.currency) : "";
}

function siteName(names: Names, siteId: unknown): string {
  return names.board?.sites.find((site) => site.siteId === siteId)?.address ?? text(siteId).slice(0, 8);
}

function cityName(names: Names, code: unknown): string {
  const board = names.board;
  return board?.cities.find((city) => city.code === code)?.name ?? (board && board.homeCity.code === code ? board.homeCity.name : text(code));
}

/** What describing an event needs of it: the hub's events and the auditor's timeline entries both have it. */
export type DescribedEvent = Pick<FeedEvent, "type" | "data">;

/** Remembers who an arrest named, so later custody events can say who. */
export function rememberPerson(names: Names, event: DescribedEvent): void {
  if (event.type !== "site-arrest-logged") return;
  const label = text(event.data["name"]) || text(event.data["localTag"]);
  if (label) names.persons.set(text(event.data["personId"]), label);
}

/** One human-readable line for an event, in the current language. */
export function describeEvent(event: DescribedEvent, names: Names): string {
  const data = event.data;
  const key = `event.${event.type}`;
  if (!hasMessage(key)) return t("event.other", { type: event.type });
  const personId = text(data["personId"]);
  return t(key, {
    codeName: text(data["codeName"]),
    name: text(data["name"]),
    address: text(data["address"]),
    site: siteName(names, data["siteId"]),
    city: cityName(names, data["cityCode"]),
    hHour: data["hHour"] ? formatDateTime(text(data["hHour"])) : "",
    approvedBy: text(data["approvedBy"]),
    person: names.persons.get(personId) ?? (text(data["name"]) || text(data["localTag"]) || t("unknownPerson")),
    quantity: text(data["quantity"]),
    category: labelOf("category", text(data["category"])),
    amount: money(data["amount"]),
    origin: cityName(names, data["originCity"]),
    destination: cityName(names, data["destinationCity"]),
    count: Array.isArray(data["personIds"]) ? data["personIds"].length : "",
    headcount: text(data["headcount"]),
    place: text(data["place"]),
    facility: text(data["facility"]),
    jurisdiction: text(data["jurisdiction"]),
    unitName: text(data["unitName"]),
    capacity: labelOf("role", text(data["capacity"])),
    expected: text(data["expected"]),
    actual: text(data["actual"]),
    previousQuantity: text(data["previousQuantity"]),
    correctedBy: text(data["correctedBy"]),
    reason: text(data["reason"]),
  });
}
