import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { ownerId, timeOrderedId } from "./owned";
import { todo } from "./todo";

/**
 * A file stored in R2 under `objectKey`, attached to one todo of its owner. The row is the
 * only way to the object: downloads look it up by id and owner. Deleting the todo (or the
 * user) deletes the row; the server deletes the object with it, and the hourly sweep removes
 * any object left without a row. Another parent type gets a nullable column of its own
 * beside `todoId` (exactly one set), so each keeps its own foreign key and cascade.
 */
export const attachment = sqliteTable(
  "attachment",
  {
    id: timeOrderedId(),
    userId: ownerId(),
    todoId: text("todo_id")
      .notNull()
      .references(() => todo.id, { onDelete: "cascade" }),
    objectKey: text("object_key").notNull().unique(),
    /** The name the user gave, shown and offered on download; never used as a path. */
    name: text("name").notNull(),
    /** From the file's first bytes, not from its name or the request. */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("attachment_todo_idx").on(t.todoId), index("attachment_user_idx").on(t.userId)],
);
