import { type Database, schema } from "@checkmark/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { AttachmentParent, AttachmentParentType } from "./schema";

const { attachment, event, todo } = schema;

// Every query is scoped by user id: another user's attachment or todo reads as missing.

export const publicAttachmentColumns = {
  id: attachment.id,
  todoId: attachment.todoId,
  eventId: attachment.eventId,
  name: attachment.name,
  contentType: attachment.contentType,
  size: attachment.size,
  createdAt: attachment.createdAt,
};

/** Each parent type: its table, and the attachment column that points at it. */
// `live`: which parents still take files (a deleted todo waits for its purge, or an undo).
const PARENTS = {
  todo: { table: todo, column: attachment.todoId, live: isNull(todo.deletedAt) },
  event: { table: event, column: attachment.eventId, live: undefined },
} as const satisfies Record<AttachmentParentType, unknown>;

/** The attachment columns naming `parent`, for an insert. */
export function parentColumns(parent: AttachmentParent) {
  return parent.type === "todo" ? { todoId: parent.id } : { eventId: parent.id };
}

export async function ownsParent(db: Database, userId: string, parent: AttachmentParent) {
  const { table, live } = PARENTS[parent.type];
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, parent.id), eq(table.userId, userId), live));
  return Boolean(row);
}

export function listAttachments(db: Database, userId: string, parent: AttachmentParent) {
  return db
    .select(publicAttachmentColumns)
    .from(attachment)
    .where(and(eq(PARENTS[parent.type].column, parent.id), eq(attachment.userId, userId)))
    .orderBy(asc(attachment.createdAt), asc(attachment.id));
}

/** The bytes a user's files take, as a query: awaited alone, or inside another statement. */
const usedBytes = (db: Database, userId: string) =>
  db
    .select({ used: sql<number>`coalesce(sum(${attachment.size}), 0)` })
    .from(attachment)
    .where(eq(attachment.userId, userId));

export async function bytesStored(db: Database, userId: string): Promise<number> {
  const [row] = await usedBytes(db, userId);
  return Number(row?.used ?? 0);
}

export async function findAttachment(db: Database, userId: string, id: string) {
  const [row] = await db
    .select({ ...publicAttachmentColumns, objectKey: attachment.objectKey })
    .from(attachment)
    .where(and(eq(attachment.id, id), eq(attachment.userId, userId)));
  return row ?? null;
}

/**
 * Inserts the row unless it takes its owner past `quotaBytes`, then answers null. One D1 batch
 * is one transaction and D1 runs writes one at a time, so two uploads racing past a quota
 * check made before either was stored cannot both land: the later one sees the earlier's row.
 */
export async function insertWithinQuota(
  db: Database,
  values: typeof attachment.$inferInsert,
  quotaBytes: number,
) {
  const [[row], overQuota] = await db.batch([
    db.insert(attachment).values(values).returning(publicAttachmentColumns),
    db
      .delete(attachment)
      .where(
        and(
          eq(attachment.objectKey, values.objectKey),
          sql`(${usedBytes(db, values.userId)}) > ${quotaBytes}`,
        ),
      )
      .returning({ id: attachment.id }),
  ]);
  if (!row) throw new Error("insert returned no row");
  return overQuota.length > 0 ? null : row;
}

export async function deleteAttachment(db: Database, userId: string, id: string) {
  const [row] = await db
    .delete(attachment)
    .where(and(eq(attachment.id, id), eq(attachment.userId, userId)))
    .returning({ id: attachment.id, objectKey: attachment.objectKey });
  return row ?? null;
}

/** The R2 keys of a parent's files, read before the parent goes (its rows go with it). */
export async function objectKeysOf(db: Database, userId: string, parent: AttachmentParent) {
  const rows = await db
    .select({ objectKey: attachment.objectKey })
    .from(attachment)
    .where(and(eq(PARENTS[parent.type].column, parent.id), eq(attachment.userId, userId)));
  return rows.map((row) => row.objectKey);
}

/** Where a new file goes in R2: under its owner, named by a fresh id (never the user's name). */
export function newObjectKey(userId: string) {
  return `attachments/${userId}/${crypto.randomUUID()}`;
}
