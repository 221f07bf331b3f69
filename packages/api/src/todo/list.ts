import { type Database, schema } from "@checkmark/db";
import { count, eq, isNull, type Placeholder, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import {
  AFTER_PLACEHOLDER,
  after,
  type Direction,
  orderBy,
  type Position,
  positionValues,
  toPage,
} from "../shared/keyset";
import { type Owner, ownedBy, ownedByPlaceholder, ownerValues } from "../shared/owner";
import { preparedByShape } from "../shared/prepared";
import type { TodoSearch } from "./search";
import type { TodoSort, TodoStatus } from "./search-options";

const { attachment, todo, todoDueKey, TODO_NO_DUE_DATE } = schema;

export const todoColumns = {
  id: todo.id,
  text: todo.text,
  completed: todo.completed,
  dueDate: todo.dueDate,
  createdAt: todo.createdAt,
  updatedAt: todo.updatedAt,
};

/**
 * How many files a listed todo has, counted in the list's own query, so the page asks for the
 * files of only the todos that have some (docs/decisions/099). Scoped to the owner like the
 * list, and looked up by todo: left to itself, SQLite walks all the owner's files per row
 * through the user index (test/list.query-plan.test.ts).
 */
const filesOfListedTodo = ownedByPlaceholder(attachment, eq(attachment.todoId, todo.id));
const attachmentCount = sql<number>`(select count(*) from ${attachment}
  indexed by attachment_todo_idx where ${filesOfListedTodo})`.mapWith(Number);

/** A row of the list: the todo and how many files it has. */
const listColumns = { ...todoColumns, attachmentCount };

type TodoRow = { id: string; dueDate: string | null; createdAt: Date };

interface Order {
  key: SQLWrapper | SQLiteColumn;
  direction: Direction;
  keySchema: z.ZodType<number | string>;
  positionOf: (row: TodoRow) => Position;
}

const byCreation = (direction: Direction): Order => ({
  key: todo.createdAt,
  direction,
  keySchema: z.number().int().nonnegative(),
  positionOf: (row) => ({ key: row.createdAt.getTime(), id: row.id }),
});

/** Each sort is one index walk (packages/db/src/schema/todo.ts), (key, id) as its keyset. */
export const TODO_ORDERS: Record<TodoSort, Order> = {
  newest: byCreation("desc"),
  oldest: byCreation("asc"),
  due: {
    key: todoDueKey,
    direction: "asc",
    keySchema: z.string().max(10),
    positionOf: (row) => ({ key: row.dueDate ?? TODO_NO_DUE_DATE, id: row.id }),
  },
};

const STATUS: Record<TodoStatus, SQL | undefined> = {
  all: undefined,
  active: eq(todo.completed, false),
  completed: eq(todo.completed, true),
};

/** The owner's todos that are not soft-deleted, narrowed by `conditions`. */
export function liveTodos(owner: Owner, ...conditions: (SQL | undefined)[]) {
  return ownedBy(owner, todo, isNull(todo.deletedAt), ...conditions);
}

/** `liveTodos` for a prepared query: the owner's id comes from `ownerValues` when it runs. */
function liveTodosOfOwnerPlaceholder(...conditions: (SQL | undefined)[]) {
  return ownedByPlaceholder(todo, isNull(todo.deletedAt), ...conditions);
}

/**
 * Case-insensitive for ASCII (SQLite's lower()). instr() rather than LIKE: no wildcards to
 * escape and no 50-byte pattern limit (D1). It filters rows while the user's index is walked.
 */
function containing(q: string | Placeholder | undefined) {
  return q ? sql`instr(lower(${todo.text}), lower(${q})) > 0` : undefined;
}

/** A page of the list, prepared per shape: sort, status, searched or not, first page or not. */
const listQuery = preparedByShape(
  (
    db: Database,
    shape: { sort: TodoSort; status: TodoStatus; search: boolean; after: boolean },
  ) => {
    const order = TODO_ORDERS[shape.sort];
    return db
      .select(listColumns)
      .from(todo)
      .where(
        liveTodosOfOwnerPlaceholder(
          STATUS[shape.status],
          shape.search ? containing(sql.placeholder("q")) : undefined,
          shape.after ? after(order.key, todo.id, order.direction, AFTER_PLACEHOLDER) : undefined,
        ),
      )
      .orderBy(...orderBy(order.key, todo.id, order.direction))
      .limit(sql.placeholder("limit"))
      .prepare();
  },
);

export async function listTodos(
  owner: Owner,
  search: TodoSearch,
  page: { limit: number; after: Position | null },
) {
  const order = TODO_ORDERS[search.sort];
  const query = listQuery(owner.db, {
    sort: search.sort,
    status: search.status,
    search: Boolean(search.q),
    after: page.after !== null,
  });
  const rows = await query.all(
    ownerValues(owner, {
      limit: page.limit + 1,
      q: search.q,
      ...(page.after ? positionValues(page.after) : {}),
    }),
  );
  return toPage(rows, page.limit, search.sort, order.positionOf);
}

/** The counts by completion, prepared per shape: searched or not. */
const countQuery = preparedByShape((db: Database, shape: { search: boolean }) =>
  db
    .select({ completed: todo.completed, n: count() })
    .from(todo)
    .where(liveTodosOfOwnerPlaceholder(shape.search ? containing(sql.placeholder("q")) : undefined))
    .groupBy(todo.completed)
    .prepare(),
);

export async function countTodos(owner: Owner, q: string | undefined) {
  const rows = await countQuery(owner.db, { search: Boolean(q) }).all(ownerValues(owner, { q }));
  const completed = rows.find((row) => row.completed)?.n ?? 0;
  const active = rows.find((row) => !row.completed)?.n ?? 0;
  return { all: active + completed, active, completed };
}
