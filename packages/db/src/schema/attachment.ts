import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { event } from "./event";
import { ownerId, timeOrderedId } from "./owned";
import { todo } from "./todo";

/**
 * A file stored in R2 under `objectKey`, attached to one todo or one event of its owner. The
 * row is the only way to the object: downloads look it up by id and owner. Deleting the
 * parent (or the user) deletes the row; the server deletes the object with it, and the hourly
 * sweep removes any object left without a row. Each parent type has a nullable column of its
 * own (exactly one set), so each keeps its own foreign key and cascade.
 */
export const attachment = sqliteTable(
  "attachment",
  {
    id: timeOrderedId(),
    userId: ownerId(),
    todoId: text("todo_id").references(() => todo.id, { onDelete: "cascade" }),
    eventId: text("event_id").references(() => event.id, { onDelete: "cascade" }),
    objectKey: text("object_key").notNull().unique(),
    /** The name the user gave, shown and offered on download; never used as a path. */
    name: text("name").notNull(),
    /** From the file's first bytes, not from its name or the request. */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachment_todo_idx").on(t.todoId),
    index("attachment_event_idx").on(t.eventId),
    index("attachment_user_idx").on(t.userId),
    // Unqualified names: the check must survive the table rebuild's rename (migration 0010).
    check("attachment_one_parent", sql`(todo_id IS NULL) <> (event_id IS NULL)`),
  ],
);
