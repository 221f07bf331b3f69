import { TZDate } from "@date-fns/tz";

// Instants shown as calendar days and clock times in a named zone. Texts are put together
// from Intl's parts in one fixed locale, so the server (workerd's ICU) and the browser (its
// own ICU) write the same characters and hydration agrees (docs/decisions/024).

const LOCALE = "en-GB";
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${zone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
    formatters.set(key, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** The calendar day `date` falls on in `zone`, as "YYYY-MM-DD". */
export function dayKey(date: Date, zone: string): string {
  const { year, month, day } = partsOf(date, zone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return `${year}-${month}-${day}`;
}

/** The first instant of the day `date` falls on in `zone` (23 or 25 hours long on DST days). */
export function startOfDay(date: Date, zone: string): Date {
  const zoned = new TZDate(date.getTime(), zone);
  zoned.setHours(0, 0, 0, 0);
  return new Date(zoned.getTime());
}

/** "09:05" on a 24-hour clock, in `zone`. */
export function clockTime(date: Date, zone: string): string {
  const { hour, minute } = partsOf(date, zone, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${hour}:${minute}`;
}

/** The day after (or `days` after) a "YYYY-MM-DD" day, as "YYYY-MM-DD". */
export function addDays(key: string, days: number): string {
  const [year, month, day] = key.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days))
    .toISOString()
    .slice(0, 10);
}

/**
 * A "YYYY-MM-DD" day for people: "Thursday 26 November", with the year when it is not
 * `currentYear`'s; `short` gives "Thu 26 Nov".
 */
export function dayLabel(key: string, options: { currentYear?: string; short?: boolean } = {}) {
  const [year, month, day] = key.split("-").map(Number);
  const noonUtc = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, 12));
  const width = options.short ? "short" : "long";
  const parts = partsOf(noonUtc, "UTC", { weekday: width, day: "numeric", month: width });
  const text = `${parts.weekday} ${parts.day} ${parts.month}`;
  return options.currentYear && key.startsWith(options.currentYear) ? text : `${text} ${year}`;
}

/** `date` as the wall-clock time a datetime-local field holds in `zone`: "YYYY-MM-DDTHH:mm". */
export function wallClock(date: Date, zone: string): string {
  return `${dayKey(date, zone)}T${clockTime(date, zone)}`;
}
