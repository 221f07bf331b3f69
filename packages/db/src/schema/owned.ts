import { text } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import { user } from "./auth";

// The two columns every row a user owns starts with: a time-ordered id (ADR 007) and its
// owner, whose deletion takes the row with it.

export const timeOrderedId = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const ownerId = () =>
  text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" });
