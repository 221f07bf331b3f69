import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import { user } from "./auth";
import { createdAt, updatedAt } from "./columns";

export const todo = sqliteTable(
  "todo",
  {
    // UUIDv7: time-ordered and, within a millisecond, monotonic per isolate, so id order is
    // creation order and breaks createdAt ties in the list (docs/decisions/007).
    id: text("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    text: text("text").notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull().default(false),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Every read is "this user's todos, newest first".
  (t) => [index("todo_user_created_idx").on(t.userId, t.createdAt)],
);
