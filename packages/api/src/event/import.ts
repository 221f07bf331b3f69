import { schema } from "@checkmark/db";
import { writeLog } from "@checkmark/logging";
import { count } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { insertIgnoringDuplicates } from "../shared/bulk-insert";
import { Aborted, untilAborted } from "../shared/end-on-abort";
import { type Owner, ownedBy } from "../shared/owner";
import { idIn, undoPastCap } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import {
  eventDescriptionSchema,
  eventLocationSchema,
  eventTitleSchema,
  timeZoneSchema,
  withTimes,
} from "./fields";
import type { EventImportFailure, EventImportProgress, EventImportRow } from "./import-row";

const { event } = schema;

/**
 * Rows per INSERT: one statement each (atomic, so a batch is written whole or not at all),
 * about 20 for a 5,000-event file, well inside a Worker's D1 queries per request (50 free,
 * 1,000 paid). Capped by JSON size too: D1 takes at most 2 MB per bound value.
 */
export const IMPORT_BATCH_ROWS = 250;
const IMPORT_BATCH_JSON_BYTES = 1_000_000;

/** A row's own rules: the event form's, plus instants with Z or an offset (files have them). */
const importedEventSchema = withTimes(
  z.object({
    title: eventTitleSchema,
    description: eventDescriptionSchema,
    location: eventLocationSchema,
    timeZone: timeZoneSchema,
    allDay: z.boolean(),
    start: z.string(),
    end: z.string(),
  }),
  { instants: true },
);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

async function sha256(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * What makes a re-import skip an event it already wrote: the iCalendar UID (and, for one
 * occurrence of a recurring event, its recurrence id), or for CSV rows title plus start.
 */
function importKey(row: EventImportRow, title: string, startsAt: Date) {
  return row.uid
    ? sha256(`ics\n${row.uid}\n${row.recurrenceId ?? ""}`)
    : sha256(`csv\n${title}\n${startsAt.getTime()}`);
}

type Prepared = typeof event.$inferInsert & { id: string };

async function eventsHeld(owner: Owner) {
  const [row] = await owner.db.select({ rows: count() }).from(event).where(ownedBy(owner, event));
  return row?.rows ?? 0;
}

/**
 * Writes one batch, or nothing and null when it would take the owner past `rowLimits.events`:
 * the cap is checked inside the same D1 batch (one transaction), so imports and creates racing
 * each other cannot pass it together.
 */
async function insertWithinLimit(owner: Owner, rows: Prepared[]): Promise<number | null> {
  if (rows.length === 0) return 0;
  const cap = { table: event, limit: rowLimits.events };
  const ids = rows.map((row) => row.id);
  const [inserted, undone] = await owner.db.batch([
    insertIgnoringDuplicates(owner.db, event, rows),
    undoPastCap(owner, cap, ids),
  ]);
  return undone.length > 0 ? null : inserted.meta.changes;
}

/** Takes out what this import wrote (its own new ids) when a later batch was refused. */
async function removeWritten(owner: Owner, ids: string[]) {
  if (ids.length > 0)
    await owner.db.delete(event).where(ownedBy(owner, event, idIn(event.id, ids)));
}

/** A failed row's field as the form and the file's columns name it, not its key. */
const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  start: "Start",
  end: "End",
  allDay: "All day",
  timeZone: "Time zone",
  location: "Location",
  description: "Description",
};

async function prepare(
  owner: Owner,
  row: EventImportRow,
  now: Date,
): Promise<Prepared | EventImportFailure> {
  const parsed = importedEventSchema.safeParse({
    ...row,
    allDay: row.allDay ?? DATE_ONLY.test(row.start),
    end: row.end || row.start,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = FIELD_LABELS[String(issue?.path[0])];
    return {
      row: row.row,
      title: row.title.trim() || null,
      reason: field ? `${field}: ${issue?.message}` : (issue?.message ?? "Not a valid event."),
    };
  }
  const values = parsed.data;
  return {
    id: uuidv7(),
    userId: owner.userId,
    title: values.title,
    description: values.description,
    location: values.location,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    allDay: values.allDay,
    timeZone: values.timeZone,
    importKey: await importKey(row, values.title, values.startsAt),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Checks and writes `rows` in batches, yielding progress after each. A row that fails is
 * reported and writes nothing; a row already imported is skipped. When the client goes away
 * (`signal`), it stops at once: everything written so far is whole batches of whole
 * rows, and importing the file again fills in the rest without duplicates.
 *
 * An import that could take its owner past `rowLimits.events` (counting every row of the file)
 * is refused whole with `overLimit()` before anything is written; should a write racing it
 * fill the room meanwhile, the refused batch writes nothing and the batches before it are
 * taken out again.
 */
export async function* importEvents(
  owner: Owner,
  rows: EventImportRow[],
  {
    signal,
    requestId,
    overLimit,
  }: { signal?: AbortSignal | undefined; requestId: string; overLimit: () => Error },
): AsyncGenerator<EventImportProgress> {
  const total = rows.length;
  const now = new Date();
  const progress: EventImportProgress = {
    done: 0,
    total,
    imported: 0,
    skipped: 0,
    current: null,
    failed: [],
  };
  let failedCount = 0;
  let outcome: "done" | "aborted" | "failed" | "over-limit" = "aborted";
  const written: string[] = [];
  try {
    if ((await eventsHeld(owner)) + rows.length > rowLimits.events) {
      outcome = "over-limit";
      throw overLimit();
    }
    yield { ...progress };
    let batch: Prepared[] = [];
    let batchBytes = 0;
    let failed: EventImportFailure[] = [];
    for (const [index, row] of rows.entries()) {
      const prepared = await prepare(owner, row, now);
      if ("reason" in prepared) failed.push(prepared);
      else {
        batch.push(prepared);
        batchBytes += JSON.stringify(prepared).length;
      }
      const last = index === rows.length - 1;
      if (!last && batch.length < IMPORT_BATCH_ROWS && batchBytes < IMPORT_BATCH_JSON_BYTES) {
        continue;
      }
      if (signal?.aborted) return;
      // A write cut off by the abort is one transaction: it landed whole or not at all.
      const inserted = await untilAborted(insertWithinLimit(owner, batch), signal);
      if (inserted === null) {
        await removeWritten(owner, written);
        outcome = "over-limit";
        throw overLimit();
      }
      for (const { id } of batch) written.push(id);
      failedCount += failed.length;
      progress.done = index + 1;
      progress.imported += inserted;
      progress.skipped += batch.length - inserted;
      progress.current = { row: row.row, title: row.title };
      progress.failed = failed;
      yield { ...progress };
      batch = [];
      batchBytes = 0;
      failed = [];
    }
    outcome = "done";
  } catch (error) {
    if (error instanceof Aborted) return;
    if (outcome !== "over-limit") outcome = "failed";
    throw error;
  } finally {
    // Counts only, never titles: one line per import, also when the client went away.
    writeLog({
      event: "event-import",
      requestId,
      outcome,
      total,
      done: progress.done,
      imported: progress.imported,
      skipped: progress.skipped,
      failed: failedCount,
    });
  }
}
