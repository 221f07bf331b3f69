import { z } from "zod";
import { type EventTimesInput, type ResolvedTimes, resolveTimes } from "./times";
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

type TimeFields = { allDay: boolean; timeZone: string; start: string; end: string };

/** The time fields for resolveTimes, each null where its own rule already failed. */
function checkableTimes(fields: unknown, failed: Set<unknown>): EventTimesInput | null {
  const value = fields as Partial<Record<keyof TimeFields, unknown>>;
  const usable = (name: "timeZone" | "start" | "end") => {
    const field = value[name];
    return !failed.has(name) && typeof field === "string" ? field : null;
  };
  // Without knowing whether it is all day, neither start nor end can be read.
  if (failed.has("allDay") || typeof value.allDay !== "boolean") return null;
  return {
    allDay: value.allDay,
    timeZone: usable("timeZone"),
    start: usable("start"),
    end: usable("end"),
  };
}

/**
 * `schema` with the stored UTC instants added, and each problem with the times on the start or
 * end field. The times are checked even when other fields fail (each field its own rule first),
 * so one answer names every bad field.
 */
export function withTimes<S extends z.ZodType<TimeFields>>(
  schema: S,
  options?: { instants?: boolean },
) {
  return schema
    .superRefine(
      (fields, ctx) => {
        const times = checkableTimes(fields, new Set(ctx.issues.map((issue) => issue.path?.[0])));
        if (!times) return;
        const resolved = resolveTimes(times, options);
        if (!("problems" in resolved)) return;
        for (const { path, message } of resolved.problems) {
          ctx.addIssue({ code: "custom", path: [path], message });
        }
      },
      // By default zod skips a refinement after a field's type was wrong.
      { when: ({ value }) => typeof value === "object" && value !== null },
    )
    .transform((fields, ctx): z.output<S> & ResolvedTimes => {
      // Only reached when every field passed, so the times resolve.
      const resolved = resolveTimes(fields, options);
      if ("problems" in resolved) {
        ctx.addIssue({ code: "custom", message: "The times are not valid." });
        return z.NEVER;
      }
      return { ...fields, ...resolved };
    });
}

/**
 * What a client sends to create or replace an event: wall-clock start and end in `timeZone`.
 * Parsed, it also carries `startsAt` and `endsAt`, the UTC instants stored.
 */
export const eventFieldsSchema = withTimes(z.object(eventFieldShape));

export type EventFieldsInput = z.input<typeof eventFieldsSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;
