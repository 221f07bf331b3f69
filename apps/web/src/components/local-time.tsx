import { useHydrated } from "@tanstack/react-router";
import { useEffect } from "react";
import { formatDayInZone, formatInZone, formatUtc } from "../lib/format-time";
import { browserTimeZone, renderedTimeZone, saveBrowserTimeZone } from "../lib/time-zone";

/**
 * An instant in the viewer's own time zone, to the minute (or the day, with `day`), with the
 * UTC time as its tooltip. The server renders it in the zone of the tz cookie and the browser
 * hydrates with that same zone; once hydrated, the browser's own zone (the two differ only
 * without the cookie: a first visit, or a device moved to another zone).
 */
export function LocalTime({ date, day = false }: { date: Date; day?: boolean }) {
  const hydrated = useHydrated();
  useEffect(saveBrowserTimeZone, []);
  const zone = hydrated ? browserTimeZone() : renderedTimeZone();
  return (
    <time dateTime={date.toISOString()} title={formatUtc(date)}>
      {day ? formatDayInZone(date, zone) : formatInZone(date, zone)}
    </time>
  );
}
