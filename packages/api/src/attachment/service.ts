import { type Database, schema } from "@checkmark/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { atLimit, firstCapReached, insertWithinCaps, type RowCap } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import { ATTACHMENT_QUOTA_BYTES } from "./limits";
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

/**
 * A parent's files, oldest first, all of them: one that held more than the per-parent cap before
 * there was one shows (and can delete) every file; the per-user cap bounds the list.
 */
export function listAttachments(db: Database, userId: string, parent: AttachmentParent) {
  return db
    .select(publicAttachmentColumns)
    .from(attachment)
    .where(and(eq(PARENTS[parent.type].column, parent.id), eq(attachment.userId, userId)))
    .orderBy(asc(attachment.createdAt), asc(attachment.id));
}

const bytes = sql<number>`coalesce(sum(${attachment.size}), 0)`;

export async function bytesStored(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ bytes }).from(attachment).where(eq(attachment.userId, userId));
  return Number(row?.bytes ?? 0);
}

/** What bounds a user's files, each a cap `insertAttachment` checks in the insert's batch. */
export type AttachmentCap = "quota" | "files" | "filesOnParent";

/** The caps in the order they are checked: a file too big for what is left is refused as that. */
function capsFor(parent: AttachmentParent): [NamedCap, ...NamedCap[]] {
  return [
    { name: "quota", table: attachment, limit: ATTACHMENT_QUOTA_BYTES, measure: bytes },
    { name: "files", table: attachment, limit: rowLimits.attachments },
    {
      name: "filesOnParent",
      table: attachment,
      limit: rowLimits.attachmentsPerParent,
      counts: eq(PARENTS[parent.type].column, parent.id),
    },
  ];
}
type NamedCap = RowCap & { name: AttachmentCap };

/**
 * The cap a new file of `size` bytes would go past, or null: an early look, before any byte is
 * stored, at the caps `insertAttachment` checks again in its write (`capsFor`, one list).
 */
export async function capReachedBy(
  db: Database,
  userId: string,
  parent: AttachmentParent,
  size: number,
): Promise<AttachmentCap | null> {
  const reached = await firstCapReached({ db, userId }, capsFor(parent), size);
  return reached?.name ?? null;
}

/** LIMIT_REACHED's message and data for a count cap, naming it and what to do. */
export function attachmentLimitReached(cap: "files" | "filesOnParent", parent: AttachmentParent) {
  return cap === "files"
    ? atLimit(rowLimits.attachments, "files", "Delete some to attach more.")
    : atLimit(
        rowLimits.attachmentsPerParent,
        `files on this ${parent.type}`,
        "Delete one to attach another.",
        `one ${parent.type}`,
      );
}

export async function findAttachment(db: Database, userId: string, id: string) {
  const [row] = await db
    .select({ ...publicAttachmentColumns, objectKey: attachment.objectKey })
    .from(attachment)
    .where(and(eq(attachment.id, id), eq(attachment.userId, userId)));
  return row ?? null;
}

/**
 * Inserts the row unless it takes its owner past a cap (the bytes quota, the files per user, the
 * files on its parent), then answers which one and writes nothing (`insertWithinCaps`: one D1
 * batch, so uploads racing past the early look cannot all land, the later see the earlier's rows).
 */
export async function insertAttachment(
  db: Database,
  parent: AttachmentParent,
  values: Omit<typeof attachment.$inferInsert, "id" | "todoId" | "eventId">,
) {
  const owner = { db, userId: values.userId };
  const result = await insertWithinCaps(owner, capsFor(parent), (id) =>
    db
      .insert(attachment)
      .values({ ...values, ...parentColumns(parent), id })
      .returning(publicAttachmentColumns),
  );
  return result.pastCap === null
    ? { created: result.row, pastCap: null }
    : { created: null, pastCap: result.pastCap.name };
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
