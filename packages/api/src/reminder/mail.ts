import type { OutgoingMail } from "@checkmark/auth";
import { windowFreesAt } from "@checkmark/auth/window-budget";
import { type Database, schema } from "@checkmark/db";
import { writeLog } from "@checkmark/logging";
import { and, eq, sql } from "drizzle-orm";
import { REMINDER_MAILS_PER_DAY, reminderMailIdentifier, spendReminderMail } from "./budget";
import type { ReminderParams } from "./params";

const { event, eventReminder, reminderSetting, user } = schema;

function formatStart(startsAt: Date, timeZone: string, allDay: boolean) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    dateStyle: "full",
    ...(allDay ? {} : { timeStyle: "short" }),
  }).format(startsAt);
}

/**
 * What instance `instanceId` would remind of, or null when it may not mail: the event is gone,
 * its reminder was moved to another instance (rescheduled, or turned off), or the owner's
 * setting no longer puts the reminder at this time (a setting change whose re-sync was
 * deferred, ADR 133).
 */
async function currentReminder(db: Database, params: ReminderParams, instanceId: string) {
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
    .innerJoin(reminderSetting, eq(reminderSetting.userId, event.userId))
    .where(
      and(
        eq(eventReminder.eventId, params.eventId),
        eq(eventReminder.userId, params.userId),
        eq(eventReminder.instanceId, instanceId),
        eq(
          eventReminder.remindAt,
          sql`${event.startsAt} - ${reminderSetting.minutesBefore} * 60000`,
        ),
      ),
    );
  return row ?? null;
}

type Reminder = NonNullable<Awaited<ReturnType<typeof currentReminder>>>;

/**
 * The mail, with the instance's id, so however often a step retries, the queue's consumer
 * sends it once. `lastUntil`: the budget's last mail says until when no more are sent.
 */
function reminderMessage(row: Reminder, instanceId: string, lastUntil: Date | null): OutgoingMail {
  const when = formatStart(row.startsAt, row.timeZone, row.allDay);
  const lines = [
    `“${row.title}” starts ${row.allDay ? "on" : "at"} ${when} (${row.timeZone}).`,
    ...(row.location ? [`Where: ${row.location}`] : []),
    "",
    ...(lastUntil
      ? [
          `Checkmark mails at most ${REMINDER_MAILS_PER_DAY} reminders within 24 hours, and this is the last of them: reminders due before ${formatStart(lastUntil, row.timeZone, false)} (${row.timeZone}) are not mailed.`,
          "",
        ]
      : []),
    "You get this because event reminders are on in your Checkmark settings.",
  ];
  return {
    id: `reminder-${instanceId}`,
    to: row.email,
    subject: `Reminder: ${row.title}`,
    body: lines.join("\n"),
  };
}

export type ReminderMailDecision =
  | { outcome: "not-current" | "over-budget" }
  | { outcome: "queued"; mail: OutgoingMail };

/**
 * What a due reminder instance queues: nothing when it is no longer current; nothing, and a log
 * line, past the owner's daily mail budget (ADR 133); otherwise its mail, the budget's last one
 * saying so.
 */
export async function dueReminderMail(
  db: Database,
  params: ReminderParams,
  instanceId: string,
): Promise<ReminderMailDecision> {
  const row = await currentReminder(db, params, instanceId);
  if (!row) return { outcome: "not-current" };
  const budget = await spendReminderMail(db, params.userId, instanceId);
  if (!budget.ok) {
    // No address, no title: which instance, and when the budget has room again.
    writeLog({
      event: "reminder-mail-over-budget",
      instanceId,
      retryAfterSeconds: budget.retryAfterSeconds,
    });
    return { outcome: "over-budget" };
  }
  const freesAt =
    budget.remaining === 0 ? await windowFreesAt(db, reminderMailIdentifier(params.userId)) : null;
  return {
    outcome: "queued",
    mail: reminderMessage(row, instanceId, freesAt === null ? null : new Date(freesAt)),
  };
}
