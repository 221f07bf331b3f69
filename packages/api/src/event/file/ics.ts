import ICAL from "ical.js";
import type { EventImportFailure, EventImportRow } from "../import-row";
import { isTimeZone } from "../wall-clock";
import { EventFileError } from "./error";
import { MAX_RECURRENCE_STEPS, recurrenceWindow } from "./window";

// An iCalendar file to import rows with ical.js (docs/decisions/010): it parses, resolves
// VTIMEZONEs, and expands RRULE/RDATE/EXDATE with moved or cancelled occurrences.

type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateOf = (t: Time) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
const wallClockOf = (t: Time) => `${dateOf(t)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
const isoOf = (t: Time) => new Date(t.toUnixTime() * 1000).toISOString();

/**
 * How a time travels: an IANA TZID keeps its wall-clock time and zone (the server applies the
 * zone's rules); UTC and zones only the file defines (Outlook's names) go as instants; floating
 * times are wall-clock in the importing user's zone.
 */
function timesOf(item: Event, start: Time, end: Time, userZone: string) {
  if (start.isDate) {
    // iCalendar ends all-day events on the day after; the API wants the last day.
    const last = end.clone();
    last.adjust(-1, 0, 0, 0);
    const lastDay = last.compare(start) > 0 ? dateOf(last) : dateOf(start);
    return { allDay: true, timeZone: userZone, start: dateOf(start), end: lastDay };
  }
  const tzid = item.component.getFirstProperty("dtstart")?.getParameter("tzid");
  const zone = typeof tzid === "string" ? tzid : undefined;
  if (start.zone?.tzid === "UTC") {
    return { allDay: false, timeZone: userZone, start: isoOf(start), end: isoOf(end) };
  }
  if (zone && isTimeZone(zone)) {
    return { allDay: false, timeZone: zone, start: wallClockOf(start), end: wallClockOf(end) };
  }
  if (zone && start.zone && start.zone.tzid !== "floating") {
    return { allDay: false, timeZone: userZone, start: isoOf(start), end: isoOf(end) };
  }
  return { allDay: false, timeZone: userZone, start: wallClockOf(start), end: wallClockOf(end) };
}

function textOf(item: Event, name: string): string | undefined {
  const value = item.component.getFirstPropertyValue(name);
  return typeof value === "string" && value.trim() ? value : undefined;
}

export function readIcs(text: string, userZone: string, now: Date) {
  let root: InstanceType<typeof ICAL.Component>;
  try {
    const jcal = ICAL.parse(text);
    root = new ICAL.Component(Array.isArray(jcal[0]) ? jcal[0] : jcal);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : "";
    throw new EventFileError("MALFORMED", `This is not a valid iCalendar file${detail}.`);
  }
  if (root.name !== "vcalendar") {
    throw new EventFileError("MALFORMED", "This is not an iCalendar file: no VCALENDAR.");
  }

  const vevents = root.getAllSubcomponents("vevent");
  const withMaster = new Set(
    vevents
      .filter((vevent) => !vevent.hasProperty("recurrence-id") && vevent.hasProperty("rrule"))
      .map((vevent) => String(vevent.getFirstPropertyValue("uid"))),
  );
  const window = recurrenceWindow(now);
  const rows: EventImportRow[] = [];
  const failed: EventImportFailure[] = [];

  for (const [index, vevent] of vevents.entries()) {
    const row = index + 1;
    const event = new ICAL.Event(vevent);
    const uid = event.uid || undefined;
    const title = event.summary?.trim() || "(no title)";
    // A moved or cancelled occurrence: its master's expansion already accounts for it.
    if (vevent.hasProperty("recurrence-id") && uid && withMaster.has(uid)) continue;

    const toRow = (item: Event, start: Time, end: Time, recurrenceId?: string) =>
      rows.push({
        row,
        title: item.summary?.trim() || title,
        ...timesOf(item, start, end, userZone),
        location: textOf(item, "location"),
        description: textOf(item, "description"),
        uid,
        recurrenceId,
      });

    try {
      if (!vevent.hasProperty("dtstart")) {
        failed.push({ row, title, reason: "DTSTART: the event has no start." });
        continue;
      }
      if (!event.isRecurring()) {
        const recurrenceId = event.recurrenceId ? wallClockOf(event.recurrenceId) : undefined;
        toRow(event, event.startDate, event.endDate, recurrenceId);
        continue;
      }
      const occurrences = event.iterator();
      for (let step = 1; ; step++) {
        const next = occurrences.next();
        if (!next) break;
        if (step > MAX_RECURRENCE_STEPS) {
          failed.push({ row, title, reason: "RRULE: it repeats too often to import." });
          break;
        }
        const at = next.toUnixTime() * 1000;
        if (at > window.to) break;
        if (at < window.from) continue;
        const details = event.getOccurrenceDetails(next);
        toRow(details.item, details.startDate, details.endDate, wallClockOf(details.recurrenceId));
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : "unreadable";
      failed.push({ row, title, reason: `The event could not be read: ${detail}` });
    }
  }
  return { rows, failed, events: vevents.length };
}
