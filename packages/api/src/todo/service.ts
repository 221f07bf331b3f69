import { schema } from "@checkmark/db";
import { and, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Owner, ownedBy } from "../shared/owner";
import { insertWithinCap } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import { liveTodos, todoColumns } from "./list";

const { todo } = schema;

// Every query goes through liveTodos (so ownedBy): another user's todo, or one already
// cleared, is indistinguishable from a missing one; the caller gets null and says NOT_FOUND.

/** Adds a todo, or answers null when its owner already holds `rowLimits.todos` live ones. */
export async function createTodo(
  owner: Owner,
  values: { text: string; dueDate?: string | null | undefined },
) {
  const live = { table: todo, limit: rowLimits.todos, counts: isNull(todo.deletedAt) };
  return insertWithinCap(owner, live, (id) =>
    owner.db
      .insert(todo)
      .values({ id, text: values.text, dueDate: values.dueDate ?? null, userId: owner.userId })
      .returning(todoColumns),
  );
}

/** One live todo of the owner's, or null. */
export async function findTodo(owner: Owner, id: string) {
  const [found] = await owner.db
    .select(todoColumns)
    .from(todo)
    .where(liveTodos(owner, eq(todo.id, id)));
  return found ?? null;
}

/**
 * Null when there is no such live todo, or (with `expected`) when it has changed since that
 * copy was read: the caller tells the two apart with findTodo.
 */
export async function updateTodo(
  owner: Owner,
  id: string,
  changes: {
    text?: string | undefined;
    dueDate?: string | null | undefined;
    completed?: boolean | undefined;
  },
  expected?: Date,
) {
  const unchanged = expected ? eq(todo.updatedAt, expected) : undefined;
  const [updated] = await owner.db
    .update(todo)
    .set(changes)
    .where(liveTodos(owner, eq(todo.id, id), unchanged))
    .returning(todoColumns);
  return updated ?? null;
}

export async function setTodoCompleted(owner: Owner, id: string, completed: boolean) {
  const [updated] = await owner.db
    .update(todo)
    .set({ completed })
    .where(liveTodos(owner, eq(todo.id, id)))
    .returning(todoColumns);
  return updated ?? null;
}

/**
 * Soft-deletes one todo, like clearCompleted: its deletion instant is the undo handle, and
 * housekeeping purges it (its files' rows with it) after DELETED_TODO_RETENTION_MS.
 */
export async function deleteTodo(owner: Owner, id: string, now = new Date()) {
  const [deleted] = await owner.db
    .update(todo)
    .set({ deletedAt: now })
    .where(liveTodos(owner, eq(todo.id, id)))
    .returning({ id: todo.id });
  return deleted ? { id: deleted.id, deletedAt: now } : null;
}

/**
 * Soft-deletes every completed todo in one statement, all stamped with one instant: that
 * instant is the undo handle. Housekeeping purges them after DELETED_TODO_RETENTION_MS.
 */
export async function clearCompleted(owner: Owner, now = new Date()) {
  const result = await owner.db
    .update(todo)
    .set({ deletedAt: now })
    .where(liveTodos(owner, eq(todo.completed, true)));
  return { count: result.meta.changes, deletedAt: now };
}

/**
 * Undoes one delete or clear: the owner's todos deleted at exactly `deletedAt` come back as they
 * were, all or none. None when they would take the owner past `rowLimits.todos` live todos
 * (`overCap`): the count and the update are one statement, so a create racing it cannot pass.
 */
export async function restoreTodos(owner: Owner, deletedAt: Date) {
  const { db } = owner;
  const countOf = (condition: SQL) =>
    db
      .select({ rows: count() })
      .from(todo)
      .where(ownedBy(owner, todo, condition));
  const toRestore = eq(todo.deletedAt, deletedAt);
  const result = await db
    .update(todo)
    .set({ deletedAt: null })
    .where(
      and(
        ownedBy(owner, todo, toRestore),
        sql`(${countOf(isNull(todo.deletedAt))}) + (${countOf(toRestore)}) <= ${rowLimits.todos}`,
      ),
    );
  if (result.meta.changes > 0) return { count: result.meta.changes, overCap: false };
  const [waiting] = await countOf(toRestore);
  return { count: 0, overCap: (waiting?.rows ?? 0) > 0 };
}
