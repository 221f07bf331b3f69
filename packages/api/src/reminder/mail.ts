import type { OutgoingMail } from "@checkmark/auth";
import { type Database, schema } from "@checkmark/db";
import { and, eq } from "drizzle-orm";
import type { ReminderParams } from "./params";

const { event, eventReminder, user } = schema;

function formatStart(startsAt: Date, timeZone: string, allDay: boolean) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    dateStyle: "full",
    ...(allDay ? {} : { timeStyle: "short" }),
  }).format(startsAt);
}

/**
 * The reminder mail instance `instanceId` may send now, or null when it may not: the event
 * is gone, or its reminder was moved to another instance (rescheduled, or turned off). Its id
 * is the instance's, so however often a step retries, the queue's consumer sends it once.
 */
export async function reminderMail(
  db: Database,
  params: ReminderParams,
  instanceId: string,
): Promise<OutgoingMail | null> {
  const [row] = await db
    .select({
      title: event.title,
      location: event.location,
      startsAt: event.startsAt,
      allDay: event.allDay,
      timeZone: event.timeZone,
      email: user.email,
    })
    .from(eventReminder)
    .innerJoin(event, eq(event.id, eventReminder.eventId))
    .innerJoin(user, eq(user.id, event.userId))
    .where(
      and(
        eq(eventReminder.eventId, params.eventId),
        eq(eventReminder.userId, params.userId),
        eq(eventReminder.instanceId, instanceId),
      ),
    );
  if (!row) return null;
  const when = formatStart(row.startsAt, row.timeZone, row.allDay);
  const lines = [
    `“${row.title}” starts ${row.allDay ? "on" : "at"} ${when} (${row.timeZone}).`,
    ...(row.location ? [`Where: ${row.location}`] : []),
    "",
    "You get this because event reminders are on in your Checkmark settings.",
  ];
  return {
    id: `reminder-${instanceId}`,
    to: row.email,
    subject: `Reminder: ${row.title}`,
    body: lines.join("\n"),
  };
}
