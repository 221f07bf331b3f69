import { type Database, schema } from "@checkmark/db";
import { inArray } from "drizzle-orm";
import type { BatchLimits } from "./batched-delete";
import { ORPHANED_FILE_MIN_AGE_MS } from "./retention";

export const ATTACHMENT_PREFIX = "attachments/";

/**
 * Deletes R2 objects under `attachments/` that no attachment row points to: left behind when
 * a todo or user went and deleting its files failed, or an upload stored its object but not
 * its row. Objects younger than an hour are left alone, so an upload in progress (object
 * written, row not yet) is never touched. Walks the bucket one listing page per batch.
 */
export async function deleteOrphanedFiles(
  bucket: R2Bucket,
  db: Database,
  now: Date,
  { batchSize, maxBatches }: BatchLimits,
) {
  let cursor: string | undefined;
  let deleted = 0;
  for (let batches = 1; batches <= maxBatches; batches++) {
    const page = await bucket.list({ prefix: ATTACHMENT_PREFIX, limit: batchSize, cursor });
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
    if (!page.truncated) return { deleted, batches, done: true };
    cursor = page.cursor;
  }
  return { deleted, batches: maxBatches, done: false };
}
