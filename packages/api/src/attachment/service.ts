import { type Database, schema } from "@checkmark/db";
import { and, asc, eq, sql } from "drizzle-orm";

const { attachment, todo } = schema;

// Every query is scoped by user id: another user's attachment or todo reads as missing.

export const publicAttachmentColumns = {
  id: attachment.id,
  todoId: attachment.todoId,
  name: attachment.name,
  contentType: attachment.contentType,
  size: attachment.size,
  createdAt: attachment.createdAt,
};

export async function ownsTodo(db: Database, userId: string, todoId: string) {
  const [row] = await db
    .select({ id: todo.id })
    .from(todo)
    .where(and(eq(todo.id, todoId), eq(todo.userId, userId)));
  return Boolean(row);
}

export function listAttachments(db: Database, userId: string, todoId: string) {
  return db
    .select(publicAttachmentColumns)
    .from(attachment)
    .where(and(eq(attachment.todoId, todoId), eq(attachment.userId, userId)))
    .orderBy(asc(attachment.createdAt), asc(attachment.id));
}

export async function bytesStored(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<number>`coalesce(sum(${attachment.size}), 0)` })
    .from(attachment)
    .where(eq(attachment.userId, userId));
  return Number(row?.used ?? 0);
}

export async function findAttachment(db: Database, userId: string, id: string) {
  const [row] = await db
    .select({ ...publicAttachmentColumns, objectKey: attachment.objectKey })
    .from(attachment)
    .where(and(eq(attachment.id, id), eq(attachment.userId, userId)));
  return row ?? null;
}

export async function insertAttachment(db: Database, values: typeof attachment.$inferInsert) {
  const [row] = await db.insert(attachment).values(values).returning(publicAttachmentColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function deleteAttachment(db: Database, userId: string, id: string) {
  const [row] = await db
    .delete(attachment)
    .where(and(eq(attachment.id, id), eq(attachment.userId, userId)))
    .returning({ id: attachment.id, objectKey: attachment.objectKey });
  return row ?? null;
}

/** The R2 keys of a todo's files, read before the todo goes (its rows go with it). */
export async function objectKeysOfTodo(db: Database, userId: string, todoId: string) {
  const rows = await db
    .select({ objectKey: attachment.objectKey })
    .from(attachment)
    .where(and(eq(attachment.todoId, todoId), eq(attachment.userId, userId)));
  return rows.map((row) => row.objectKey);
}

/** Where a new file goes in R2: under its owner, named by a fresh id (never the user's name). */
export function newObjectKey(userId: string) {
  return `attachments/${userId}/${crypto.randomUUID()}`;
}
