import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";

/**
 * Errors browsers reported from the web app, for admins to read. One row per distinct error
 * (same fingerprint): repeats only bump `count` and `lastSeenAt`, so a flood costs one row.
 */
export const frontendError = sqliteTable(
  "frontend_error",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** SHA-256 hex of message, first stack frame and page path (packages/api/src/frontend-error). */
    fingerprint: text("fingerprint").notNull(),
    message: text("message").notNull(),
    stack: text("stack"),
    /** Origin and path only: queries and fragments can carry tokens. */
    url: text("url").notNull(),
    /** Of the newest report. */
    userAgent: text("user_agent"),
    /** Of the newest report. */
    requestId: text("request_id").notNull(),
    count: integer("count").notNull().default(1),
    /** First seen. */
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("frontend_error_fingerprint_idx").on(t.fingerprint),
    // The admin list and the retention job both walk rows by last sight.
    index("frontend_error_last_seen_idx").on(t.lastSeenAt),
  ],
);
