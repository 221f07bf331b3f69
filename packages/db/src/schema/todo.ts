import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp, updatedAt } from "./columns";
import { ownerId, timeOrderedId } from "./owned";

/** Where undated todos sort in the "due" order: after every real date. */
export const TODO_NO_DUE_DATE = "9999-12-31";
// A literal, so the indexes and the queries hold the very same expression.
const noDueDate = sql.raw(`'${TODO_NO_DUE_DATE}'`);

// Every list reads live rows only, so the list indexes leave soft-deleted rows out.
const live = sql`deleted_at IS NULL`;

export const todo = sqliteTable(
  "todo",
  {
    // UUIDv7: time-ordered and, within a millisecond, monotonic per isolate, so id order is
    // creation order and breaks createdAt ties in the list (docs/decisions/007).
    id: timeOrderedId(),
    text: text("text").notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull().default(false),
    /** A calendar day (YYYY-MM-DD), no time or zone: "due on the 3rd" wherever the user is. */
    dueDate: text("due_date"),
    userId: ownerId(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set by "clear completed" so it can be undone; housekeeping purges it later. */
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    // One index per list order, with and without the status filter (docs/decisions/012).
    index("todo_user_created_idx").on(t.userId, t.createdAt, t.id).where(live),
    index("todo_user_status_created_idx").on(t.userId, t.completed, t.createdAt, t.id).where(live),
    index("todo_user_due_idx")
      .on(t.userId, sql`coalesce(${t.dueDate}, ${noDueDate})`, t.id)
      .where(live),
    index("todo_user_status_due_idx")
      .on(t.userId, t.completed, sql`coalesce(${t.dueDate}, ${noDueDate})`, t.id)
      .where(live),
    // Undo (one user's rows deleted at one instant) and the purge (old deletions).
    index("todo_deleted_idx").on(t.deletedAt, t.userId).where(sql`deleted_at IS NOT NULL`),
  ],
);

/**
 * The "due" order's key: undated todos last. Queries sort on exactly this expression (a literal,
 * never a bound parameter), which is what the two due indexes are built on, so SQLite walks
 * them instead of sorting.
 */
export const todoDueKey = sql<string>`coalesce(${todo.dueDate}, ${noDueDate})`;
