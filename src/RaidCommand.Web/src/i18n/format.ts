import { language } from "./i18n";

/** Dates, numbers and money in the chosen language; a zone shows a city's wall clock. */
export function formatDateTime(instant: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(language(), {
    dateStyle: "short",
    timeStyle: "medium",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(instant));
}

export function formatTime(instant: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(language(), { timeStyle: "medium", ...(timeZone ? { timeZone } : {}) }).format(new Date(instant));
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(language(), { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatMoneyTotals(byCurrency: Record<string, number>): string {
  const entries = Object.entries(byCurrency);
  return entries.length === 0 ? formatMoney(0, "CNY") : entries.map(([currency, amount]) => formatMoney(amount, currency)).join(" · ");
}

/** A duration as h:mm:ss (or d h:mm:ss beyond a day). */
export function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.floor(Math.abs(milliseconds) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** An instant on a city's wall clock, or in UTC when no city is known, always saying which zone it is. */
export function formatInZone(instant: string | number | Date, timeZone: string | null): string {
  const zone = timeZone ?? "UTC";
  return `${formatDateTime(instant, zone)} ${zone}`;
}
