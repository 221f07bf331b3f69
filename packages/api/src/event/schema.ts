import { schema } from "@checkmark/db";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { cursorSchema, pageLimitSchema } from "../shared/keyset";
import { expectedUpdatedAtSchema } from "../shared/stale-edit";
import {
  eventDescriptionSchema,
  eventFieldShape,
  eventLocationSchema,
  eventTitleSchema,
  timeZoneSchema,
  withTimes,
} from "./fields";
import { EVENT_LIST_DIRECTIONS } from "./list-direction";

// Ids are UUIDs (v7): anything else is a bad request, not a lookup.
const eventRow = createSelectSchema(schema.event, { id: () => z.uuid() });

/**
 * What a client sees of an event: never its owner or import key. `startsAt`/`endsAt` are the
 * UTC instants; `start`/`end` the same times as wall-clock in `timeZone` (all-day: dates,
 * `end` the last day), ready for a form.
 */
export const eventSchema = eventRow
  .pick({
    id: true,
    title: true,
    description: true,
    location: true,
    allDay: true,
    timeZone: true,
    startsAt: true,
    endsAt: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({ start: z.string(), end: z.string() });

// The table's columns with the form's rules, plus the wall-clock start and end.
const eventInputShape = {
  ...createInsertSchema(schema.event, {
    title: () => eventTitleSchema,
    description: () => eventDescriptionSchema,
    location: () => eventLocationSchema,
    timeZone: () => timeZoneSchema,
  }).pick({ title: true, description: true, location: true, allDay: true, timeZone: true }).shape,
  allDay: eventFieldShape.allDay,
  start: eventFieldShape.start,
  end: eventFieldShape.end,
};

export const createEventSchema = withTimes(z.object(eventInputShape));

/** Replaces every field of the event (the edit form sends them all). */
export const updateEventSchema = withTimes(
  eventRow
    .pick({ id: true })
    .extend(eventInputShape)
    .extend({ updatedAt: expectedUpdatedAtSchema }),
);

export const eventIdSchema = eventRow.pick({ id: true });

export const listEventsSchema = z
  .object({
    /** The agenda's "now": pass the same value for every page (default: the server's now). */
    // Coerced: over REST it arrives as an ISO string in the query.
    from: z.coerce
      .date<Date>({ error: "Use an ISO 8601 date-time, such as 2026-12-01T09:00:00Z." })
      .optional(),
    /** upcoming: starting at or after `from`, soonest first; past: before it, latest first. */
    when: z.enum(EVENT_LIST_DIRECTIONS).default("upcoming"),
    limit: pageLimitSchema,
    cursor: cursorSchema,
  })
  .default({ when: "upcoming", limit: 50 });

export const eventPageSchema = z.object({
  items: z.array(eventSchema),
  nextCursor: z.string().nullable(),
});

export type Event = z.infer<typeof eventSchema>;
