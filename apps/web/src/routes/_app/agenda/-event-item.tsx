import type { Event } from "@checkmark/api/schemas";
import { Link } from "@tanstack/react-router";
import { SpriteIcon } from "../../../components/icon-sprite";
import { clockTime, dayKey, dayLabel } from "../../../lib/zoned-time";

/** "09:00" from a wall-clock "YYYY-MM-DDTHH:mm". */
const wallClockTime = (wallClock: string) => wallClock.slice(11, 16);

/** When the event happens, as the viewer in `zone` reads it. */
function whenText(event: Event, zone: string) {
  if (event.allDay) {
    const lastDay = event.end.slice(0, 10);
    return lastDay === event.start.slice(0, 10)
      ? "All day"
      : `All day, until ${dayLabel(lastDay, { short: true, currentYear: lastDay.slice(0, 4) })}`;
  }
  const start = clockTime(event.startsAt, zone);
  const endDay = dayKey(event.endsAt, zone);
  const end =
    endDay === dayKey(event.startsAt, zone)
      ? clockTime(event.endsAt, zone)
      : `${dayLabel(endDay, { short: true, currentYear: endDay.slice(0, 4) })}, ${clockTime(event.endsAt, zone)}`;
  return event.startsAt.getTime() === event.endsAt.getTime() ? start : `${start} – ${end}`;
}

/** One event in the agenda; its title opens it for editing. */
export function EventItem({ event, zone }: { event: Event; zone: string }) {
  const ownZone = !event.allDay && event.timeZone !== zone;
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4">
      <p className="shrink-0 text-sm font-medium text-ink-muted tabular-nums sm:w-40">
        {whenText(event, zone)}
      </p>
      <div className="min-w-0 flex-1">
        <Link
          to="/agenda/$eventId"
          params={{ eventId: event.id }}
          className="font-medium break-words text-ink hover:text-accent hover:underline"
        >
          {event.title}
        </Link>
        {(event.location || ownZone) && (
          <p className="mt-0.5 flex flex-wrap gap-x-4 gap-y-0.5 text-sm text-ink-muted">
            {event.location && (
              <span className="inline-flex min-w-0 items-center gap-1">
                <SpriteIcon name="map-pin" className="size-3.5 shrink-0" />
                <span className="break-words">{event.location}</span>
              </span>
            )}
            {ownZone && (
              <span className="inline-flex items-center gap-1">
                <SpriteIcon name="globe" className="size-3.5 shrink-0" />
                {wallClockTime(event.start)} – {wallClockTime(event.end)} {event.timeZone} time
              </span>
            )}
          </p>
        )}
        {event.description && (
          <p className="mt-1 line-clamp-2 text-sm whitespace-pre-line text-ink-muted">
            {event.description}
          </p>
        )}
      </div>
    </li>
  );
}
