import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Errors browsers reported from the web app, for admins to read. */
export const frontendError = sqliteTable(
  "frontend_error",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    message: text("message").notNull(),
    stack: text("stack"),
    url: text("url").notNull(),
    userAgent: text("user_agent"),
    requestId: text("request_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("frontend_error_created_idx").on(t.createdAt)],
);
