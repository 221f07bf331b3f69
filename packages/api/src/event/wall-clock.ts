import { TZDate, tzOffset } from "@date-fns/tz";

// Wall-clock times ("09:00 on 2026-03-28") and the instants they name in an IANA zone, with
// @date-fns/tz reading the zone rules from the runtime's Intl data (docs/decisions/011).
// Browser-safe: the web app can check a form with the same rules.

export interface WallClock {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" (a day) or "YYYY-MM-DDTHH:mm[:ss]" that exists on the calendar, else null. */
export function parseWallClock(value: string): { wall: WallClock; dateOnly: boolean } | null {
  const match = DATE.exec(value) ?? DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const wall = { year, month, day, hour, minute, second } as WallClock;
  const utc = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over into March: a wall-clock that exists reads back the same.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() + 1 !== month) return null;
  if (utc.getUTCDate() !== day || utc.getUTCHours() !== hour || utc.getUTCMinutes() !== minute) {
    return null;
  }
  return { wall, dateOnly: match.length === 4 };
}

/** An IANA zone name the runtime knows ("Europe/Berlin", "UTC"); offsets like +01:00 are not. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function wallClockOf(instant: Date | number, zone: string): WallClock {
  const local = new TZDate(typeof instant === "number" ? instant : instant.getTime(), zone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
  };
}

const sameWallClock = (a: WallClock, b: WallClock) =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second;

/**
 * The instant `wall` names in `zone`. Null where the clocks skip it (the hour lost when
 * daylight saving starts); when it happens twice (the hour repeated when it ends), the first,
 * as RFC 5545 reads DTSTART.
 */
export function instantOf(wall: WallClock, zone: string): Date | null {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Every offset the zone uses around that day: a real wall-clock time is one of them away.
  const offsets = new Set(
    [asUtc - DAY_MS, asUtc, asUtc + DAY_MS].map((at) => tzOffset(zone, new Date(at))),
  );
  const candidates = [...offsets]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((at) => Number.isFinite(at) && sameWallClock(wallClockOf(at, zone), wall))
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? null : new Date(first);
}

/** The first instant of a day in `zone` (01:00 where midnight itself is skipped). */
export function startOfDay(wall: WallClock, zone: string): Date {
  const midnight = { ...wall, hour: 0, minute: 0, second: 0 };
  const exact = instantOf(midnight, zone);
  if (exact) return exact;
  // TZDate moves a skipped time forward past the gap.
  return new Date(new TZDate(wall.year, wall.month - 1, wall.day, zone).getTime());
}

export function addDays(wall: WallClock, days: number): WallClock {
  const moved = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    ...wall,
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD", or "YYYY-MM-DDTHH:mm" with ":ss" only when the seconds are not zero. */
export function formatWallClock(wall: WallClock, dateOnly: boolean): string {
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  if (dateOnly) return date;
  const seconds = wall.second ? `:${pad(wall.second)}` : "";
  return `${date}T${pad(wall.hour)}:${pad(wall.minute)}${seconds}`;
}
