import {
  addDays,
  formatWallClock,
  instantOf,
  parseWallClock,
  startOfDay,
  wallClockOf,
} from "./wall-clock";

// From what a client sends (wall-clock times in the event's zone) to what is stored (UTC
// instants), and back. Browser-safe, so a form can show the same messages.

export interface EventTimesInput {
  allDay: boolean;
  /** IANA zone; null when it is not one (that is the zone field's problem). */
  timeZone: string | null;
  /** All-day: "YYYY-MM-DD". Otherwise "YYYY-MM-DDTHH:mm[:ss]", a wall-clock time in timeZone. */
  start: string | null;
  /** All-day: the last day, inclusive. Otherwise not before start. */
  end: string | null;
}

export type TimesProblem = { path: "start" | "end"; message: string };
export type ResolvedTimes = { startsAt: Date; endsAt: Date };

// An absolute instant: only imports send these (UTC, or a fixed offset from a file).
const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

function instantFrom(value: string): Date | null {
  const match = INSTANT.exec(value);
  if (!match?.[1] || !parseWallClock(match[1])) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const FORMAT_HINT = {
  allDay: "Use a date like 2026-03-28 for an all-day event.",
  timed: "Use a date and time like 2026-03-28T09:00.",
};

/**
 * UTC instants for the input, or every problem with it, each on its field. All-day events run
 * from the start of their first day to the start of the day after their last, in their zone.
 * `instants` also accepts times with Z or an offset (imports only). A null field is not
 * checked (its own rule already failed); without a zone only the form of start and end is,
 * so `problems` can be empty while there are no instants either.
 */
export function resolveTimes(
  input: EventTimesInput,
  { instants = false } = {},
): ResolvedTimes | { problems: TimesProblem[] } {
  const { allDay, timeZone } = input;
  /** The instant, a problem, or null when it is well formed but has no zone to be read in. */
  const resolve = (path: "start" | "end", value: string): Date | TimesProblem | null => {
    const parsed = parseWallClock(value);
    if (allDay) {
      if (!parsed?.dateOnly) return { path, message: FORMAT_HINT.allDay };
      const day = path === "end" ? addDays(parsed.wall, 1) : parsed.wall;
      return timeZone === null ? null : startOfDay(day, timeZone);
    }
    if (!parsed || parsed.dateOnly) {
      const instant = instants ? instantFrom(value) : null;
      return instant ?? { path, message: FORMAT_HINT.timed };
    }
    if (timeZone === null) return null;
    return (
      instantOf(parsed.wall, timeZone) ?? {
        path,
        message: `${value.replace("T", " ")} does not exist in ${timeZone}: the clocks skip it.`,
      }
    );
  };

  const startsAt = input.start === null ? null : resolve("start", input.start);
  const endsAt = input.end === null ? null : resolve("end", input.end);
  const problems = [startsAt, endsAt].filter(
    (time): time is TimesProblem => time !== null && !(time instanceof Date),
  );
  if (!(startsAt instanceof Date && endsAt instanceof Date)) return { problems };
  // All-day ends are the midnight after the last day, so they always lie after the start.
  const tooEarly = allDay
    ? endsAt.getTime() <= startsAt.getTime()
    : endsAt.getTime() < startsAt.getTime();
  if (tooEarly) {
    return { problems: [{ path: "end", message: "The end is before the start." }] };
  }
  return { startsAt, endsAt };
}

/** What a client shows and edits: the stored instants as wall-clock times in the event's zone. */
export function wallClockTimes(event: {
  allDay: boolean;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
}): { start: string; end: string } {
  const start = wallClockOf(event.startsAt, event.timeZone);
  if (!event.allDay) {
    return {
      start: formatWallClock(start, false),
      end: formatWallClock(wallClockOf(event.endsAt, event.timeZone), false),
    };
  }
  // Stored exclusive (the next midnight); shown as the last day.
  const lastDay = addDays(wallClockOf(event.endsAt, event.timeZone), -1);
  return { start: formatWallClock(start, true), end: formatWallClock(lastDay, true) };
}
