/**
 * Instants to and from a time zone's wall clock as "yyyy-mm-ddThh:mm:ss.sss", the value of a datetime-local input:
 * the auditor types a city's local time and means that city's instant, whatever zone the browser is in.
 */
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: 3,
    });
    partFormatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function wallClockParts(instant: number, zone: string): WallClock {
  const parts = Object.fromEntries(partsIn(zone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const number = (name: string): number => Number(parts[name] ?? 0);
  return {
    year: number("year"),
    month: number("month"),
    day: number("day"),
    hour: number("hour"),
    minute: number("minute"),
    second: number("second"),
    millisecond: number("fractionalSecond"),
  };
}

function asIfUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  return asIfUtc(wallClockParts(instant, zone)) - instant;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

export function wallClockOf(instant: number, zone: string): string {
  const wall = wallClockParts(instant, zone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(wall.millisecond, 3)}`;
}

/** The instant the zone's clock shows the given wall time; null for a value that is not one. */
export function instantOfWallClock(value: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0), Number((fraction ?? "0").padEnd(3, "0")));
  // The offset depends on the instant sought; a second pass settles it across a daylight-saving change.
  const guess = wall - offsetAt(wall, zone);
  return wall - offsetAt(guess, zone);
}
