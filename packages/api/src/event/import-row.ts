import { z } from "zod";

// The contract between the file reader that runs in the browser (event/file) and event.import.
// Free of Drizzle and of server code: exported through @checkmark/api/schemas.

/** Files larger than this are refused before they are read (event/file). */
export const EVENT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Events one import may carry, recurring ones counted per occurrence. */
export const EVENT_IMPORT_MAX_ROWS = 10_000;

/**
 * One event from a file, as read, not yet checked: event.import checks each row on its own and
 * reports a bad one in `failed` while the others are written. Bounds here only keep a request
 * finite; the real rules (title length, dates, zone) are the event form's.
 */
export const eventImportRowSchema = z.object({
  /** Where it came from, for the failure list: CSV line (header = 1), or nth VEVENT in an .ics. */
  row: z.number().int().min(1),
  title: z.string().max(10_000),
  /** "YYYY-MM-DD" (all day), "YYYY-MM-DDTHH:mm[:ss]" in timeZone, or an instant with Z/offset. */
  start: z.string().max(64),
  /** Same forms; missing means the same as start. All-day: the last day, inclusive. */
  end: z.string().max(64).optional(),
  /** Missing: all day exactly when start is a date. */
  allDay: z.boolean().optional(),
  /** IANA zone the wall-clock times are in, and the event keeps. */
  timeZone: z.string().max(64),
  location: z.string().max(10_000).optional(),
  description: z.string().max(100_000).optional(),
  /** iCalendar UID: with recurrenceId, what makes a re-import skip the event. */
  uid: z.string().min(1).max(1000).optional(),
  /** For one occurrence of a recurring event: its original start, as written in the file. */
  recurrenceId: z.string().max(64).optional(),
});

export const eventImportSchema = z.object({
  rows: z.array(eventImportRowSchema).min(1).max(EVENT_IMPORT_MAX_ROWS),
});

/** A row that was not written, and why (the UI lists these). */
export const eventImportFailureSchema = z.object({
  row: z.number().int(),
  title: z.string().nullable(),
  reason: z.string(),
});

/**
 * One progress event of event.import. `done` counts rows handled so far (written, skipped as
 * already imported, or failed) and only grows, up to `total`; `failed` lists the rows that
 * failed since the previous event, so a client appends them.
 */
export const eventImportProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  current: z.object({ row: z.number().int(), title: z.string() }).nullable(),
  failed: z.array(eventImportFailureSchema),
});

export type EventImportRow = z.infer<typeof eventImportRowSchema>;
export type EventImportFailure = z.infer<typeof eventImportFailureSchema>;
export type EventImportProgress = z.infer<typeof eventImportProgressSchema>;
