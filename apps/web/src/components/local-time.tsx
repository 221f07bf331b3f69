import { useHydrated } from "@tanstack/react-router";
import { useEffect } from "react";
import { formatDayInZone, formatInZone, formatUtc } from "../lib/format-time";
import { browserTimeZone, renderedTimeZone, saveBrowserTimeZone } from "../lib/time-zone";

/**
 * An instant in the viewer's own time zone, to the minute (or the day, with `day`), with the
 * UTC time as its tooltip. The server renders it in the zone of the tz cookie (UTC without one,
 * or for a zone its ICU lacks) and names that zone in `data-zone`; the browser hydrates with
 * the zone the served page names, so the two agree; once hydrated, the browser's own zone.
 */
export function LocalTime({ date, day = false }: { date: Date; day?: boolean }) {
  const hydrated = useHydrated();
  useEffect(saveBrowserTimeZone, []);
  const zone = hydrated ? browserTimeZone() : renderedTimeZone();
  return (
    <time dateTime={date.toISOString()} title={formatUtc(date)} data-zone={zone}>
      {day ? formatDayInZone(date, zone) : formatInZone(date, zone)}
    </time>
  );
}
