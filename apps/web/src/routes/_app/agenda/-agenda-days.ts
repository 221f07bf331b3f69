import type { Event } from "@checkmark/api/schemas";
import { dayKey } from "../../../lib/zoned-time";

export interface AgendaDay {
  /** "YYYY-MM-DD" in the viewer's zone. */
  key: string;
  events: Event[];
}

/**
 * The day an event is listed under for a viewer in `zone`: a timed event on the day it starts
 * there; an all-day event on its own date wherever the viewer is (a birthday stays on its day).
 */
export const eventDay = (event: Event, zone: string) =>
  event.allDay ? event.start.slice(0, 10) : dayKey(event.startsAt, zone);

/** Events in list order, grouped by day: soonest day first, or latest first for past ones. */
export function groupByDay(events: Event[], zone: string, latestFirst: boolean): AgendaDay[] {
  const days = new Map<string, Event[]>();
  for (const event of events) {
    const key = eventDay(event, zone);
    const day = days.get(key);
    if (day) day.push(event);
    else days.set(key, [event]);
  }
  const keys = [...days.keys()].sort();
  if (latestFirst) keys.reverse();
  return keys.map((key) => ({ key, events: days.get(key) ?? [] }));
}
