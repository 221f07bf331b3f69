import { z } from "zod";
import { type ResolvedTimes, resolveTimes } from "./times";
import { isTimeZone } from "./wall-clock";

// An event's fields as a person enters them, free of Drizzle so the browser checks a form with
// the server's own rules (exported through @checkmark/api/schemas).

export const EVENT_TITLE_MAX = 200;
export const EVENT_LOCATION_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 5000;

export const eventTitleSchema = z
  .string()
  .trim()
  .min(1, "Give the event a title.")
  .max(EVENT_TITLE_MAX, `Keep the title under ${EVENT_TITLE_MAX} characters.`);

/** Optional text: empty or missing is stored as null. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .nullish()
    .transform((value) => value || null);

export const eventLocationSchema = optionalText(EVENT_LOCATION_MAX, "location");
export const eventDescriptionSchema = optionalText(EVENT_DESCRIPTION_MAX, "description");

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin.");

/** A wall-clock time ("2026-03-28T09:00") or, for all-day events, a date ("2026-03-28"). */
const wallClockInput = z.string().max(40);

export const eventFieldShape = {
  title: eventTitleSchema,
  description: eventDescriptionSchema,
  location: eventLocationSchema,
  allDay: z.boolean().default(false),
  timeZone: timeZoneSchema,
  start: wallClockInput,
  end: wallClockInput,
};

/** Adds the stored UTC instants, or puts the problem on the start or end field. */
export function withTimes<
  T extends { allDay: boolean; timeZone: string; start: string; end: string },
>(
  fields: T,
  ctx: z.RefinementCtx,
  options?: { instants?: boolean },
): (T & ResolvedTimes) | typeof z.NEVER {
  const times = resolveTimes(fields, options);
  if ("path" in times) {
    ctx.addIssue({ code: "custom", path: [times.path], message: times.message });
    return z.NEVER;
  }
  return { ...fields, ...times };
}

/**
 * What a client sends to create or replace an event: wall-clock start and end in `timeZone`.
 * Parsed, it also carries `startsAt` and `endsAt`, the UTC instants stored.
 */
export const eventFieldsSchema = z
  .object(eventFieldShape)
  .transform((fields, ctx) => withTimes(fields, ctx));

export type EventFieldsInput = z.input<typeof eventFieldsSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;
