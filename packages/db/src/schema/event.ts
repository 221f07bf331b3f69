import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp, updatedAt } from "./columns";
import { ownerId, timeOrderedId } from "./owned";

/**
 * A calendar event. Times are instants in UTC; `timeZone` is the IANA zone the event was
 * planned in, so its wall-clock time can be shown and kept across daylight-saving changes
 * (docs/decisions/011).
 */
export const event = sqliteTable(
  "event",
  {
    id: timeOrderedId(),
    userId: ownerId(),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    startsAt: timestamp("starts_at").notNull(),
    /** Never before startsAt; for all-day events the midnight after the last day. */
    endsAt: timestamp("ends_at").notNull(),
    allDay: integer("all_day", { mode: "boolean" }).notNull().default(false),
    timeZone: text("time_zone").notNull(),
    /** SHA-256 of what identifies an imported event in its file; null for events made here. */
    importKey: text("import_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The agenda: one user's events by start, both ways, with the id as tiebreak.
    index("event_user_starts_idx").on(t.userId, t.startsAt, t.id),
    // Re-importing a file skips what it already wrote.
    uniqueIndex("event_user_import_key_idx")
      .on(t.userId, t.importKey)
      .where(sql`import_key IS NOT NULL`),
  ],
);
