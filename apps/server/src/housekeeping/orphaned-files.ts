import { type Database, schema } from "@checkmark/db";
import { inArray } from "drizzle-orm";
import type { BatchLimits } from "./batched-delete";
import { ORPHANED_FILE_MIN_AGE_MS } from "./retention";

export const ATTACHMENT_PREFIX = "attachments/";

/** KV key holding the last object key a sweep that ran out of batches looked at. */
export const SWEEP_BOOKMARK_KEY = "housekeeping:files-orphaned:after";

/**
 * Deletes R2 objects under `attachments/` that no attachment row points to: left behind when
 * a todo or user went and deleting its files failed, or an upload stored its object but not
 * its row. Objects younger than an hour are left alone, so an upload in progress (object
 * written, row not yet) is never touched. Walks the bucket one listing page per batch; a run
 * that stops at its batch limit leaves a bookmark in KV and the next run goes on from there,
 * so a bucket larger than one run's pages is still swept end to end.
 */
export async function deleteOrphanedFiles(
  bucket: R2Bucket,
  db: Database,
  bookmarks: KVNamespace,
  now: Date,
  { batchSize, maxBatches }: BatchLimits,
) {
  const bookmark = await bookmarks.get(SWEEP_BOOKMARK_KEY);
  let startAfter = bookmark ?? undefined;
  let deleted = 0;
  for (let batches = 1; batches <= maxBatches; batches++) {
    const page = await bucket.list({ prefix: ATTACHMENT_PREFIX, limit: batchSize, startAfter });
    const old = page.objects
      .filter((object) => object.uploaded.getTime() < now.getTime() - ORPHANED_FILE_MIN_AGE_MS)
      .map((object) => object.key);
    if (old.length > 0) {
      const known = await db
        .select({ key: schema.attachment.objectKey })
        .from(schema.attachment)
        .where(inArray(schema.attachment.objectKey, old));
      const keep = new Set(known.map((row) => row.key));
      const orphans = old.filter((key) => !keep.has(key));
      if (orphans.length > 0) await bucket.delete(orphans);
      deleted += orphans.length;
    }
    if (!page.truncated) {
      // The end of the bucket: the next run starts again from its beginning.
      // (Only if one was kept: a KV delete is a write, even of a missing key.)
      if (bookmark) await bookmarks.delete(SWEEP_BOOKMARK_KEY);
      return { deleted, batches, done: true };
    }
    startAfter = page.objects.at(-1)?.key;
  }
  if (startAfter) await bookmarks.put(SWEEP_BOOKMARK_KEY, startAfter);
  return { deleted, batches: maxBatches, done: false };
}
