import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { timestamp, updatedAt } from "./columns";
import { event } from "./event";
import { ownerId } from "./owned";

/** A user's event reminders: mail this many minutes before each event starts. No row: off. */
export const reminderSetting = sqliteTable("reminder_setting", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  minutesBefore: integer("minutes_before").notNull(),
  updatedAt: updatedAt(),
});

/**
 * The one reminder workflow instance that may mail about an event (docs/decisions/064). A
 * rescheduled event gets a new instance id here; an older instance that wakes up finds it is
 * not the current one and sends nothing. Goes with its event.
 */
export const eventReminder = sqliteTable(
  "event_reminder",
  {
    eventId: text("event_id")
      .primaryKey()
      .references(() => event.id, { onDelete: "cascade" }),
    userId: ownerId(),
    instanceId: text("instance_id").notNull().unique(),
    remindAt: timestamp("remind_at").notNull(),
  },
  (t) => [index("event_reminder_user_idx").on(t.userId)],
);
