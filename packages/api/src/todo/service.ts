import { type Database, schema } from "@checkmark/db";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { encodeCursor, type TodoCursor } from "./cursor";

const { todo } = schema;

// Every query is scoped by user id, so another user's todo is indistinguishable from a
// missing one: the caller gets null and turns it into NOT_FOUND.

const publicColumns = {
  id: todo.id,
  text: todo.text,
  completed: todo.completed,
  createdAt: todo.createdAt,
};

export async function listTodos(
  db: Database,
  userId: string,
  page: { limit: number; after: TodoCursor | null },
) {
  const { after, limit } = page;
  const rows = await db
    .select(publicColumns)
    .from(todo)
    .where(
      and(
        eq(todo.userId, userId),
        after
          ? or(
              lt(todo.createdAt, after.createdAt),
              and(eq(todo.createdAt, after.createdAt), lt(todo.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(todo.createdAt), desc(todo.id))
    .limit(limit + 1);

  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

export async function createTodo(db: Database, userId: string, text: string) {
  const [created] = await db.insert(todo).values({ text, userId }).returning(publicColumns);
  if (!created) throw new Error("insert returned no row");
  return created;
}

export async function setTodoCompleted(
  db: Database,
  userId: string,
  id: string,
  completed: boolean,
) {
  const [updated] = await db
    .update(todo)
    .set({ completed })
    .where(and(eq(todo.id, id), eq(todo.userId, userId)))
    .returning(publicColumns);
  return updated ?? null;
}

export async function deleteTodo(db: Database, userId: string, id: string) {
  const [deleted] = await db
    .delete(todo)
    .where(and(eq(todo.id, id), eq(todo.userId, userId)))
    .returning({ id: todo.id });
  return deleted ?? null;
}
