// Instants for people. `formatUtc` for logs and tooltips; `formatInZone` for the viewer's own
// zone (components/local-time.tsx). Both are put together from numeric parts with fixed month
// names, so the server (workerd's ICU) and the browser (its own ICU, which may say "Sept" where
// the other says "Sep") write the same characters and hydration agrees. The day is written
// unpadded, as people write it: en-GB pads a numeric day beside a numeric month ("06/12/2026").

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, zone: string) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    });
    formatters.set(zone, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** "6 Dec 2026", the day `date` falls on in `zone`. */
export function formatDayInZone(date: Date, zone: string) {
  const { day, month, year } = partsIn(date, zone);
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** To the minute: seconds are noise to a reader ("26 Nov 2026, 23:46"). */
export function formatInZone(date: Date, zone: string) {
  const { hour, minute } = partsIn(date, zone);
  return `${formatDayInZone(date, zone)}, ${hour}:${minute}`;
}

/** As the server logs it: "26 Nov 2026, 23:46 UTC". */
export const formatUtc = (date: Date) => `${formatInZone(date, "UTC")} UTC`;
