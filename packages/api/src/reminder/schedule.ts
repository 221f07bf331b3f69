import { type Database, schema } from "@checkmark/db";
import { writeLog } from "@checkmark/logging";
import { and, asc, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { spendReminderResync } from "./budget";
import type { ReminderParams } from "./params";

const { event, eventReminder, reminderSetting } = schema;

/**
 * Reminders are only scheduled when due within this window (docs/decisions/064): an event
 * further out gets its workflow instance from the hourly top-up, so an import of thousands of
 * events never creates thousands of sleeping instances, and a far-off event that is moved or
 * deleted never needed one.
 */
export const REMINDER_HORIZON_MS = 24 * 60 * 60 * 1000;
/** Instances one top-up creates at most: per user (after an import or a setting change)… */
export const TOP_UP_PER_USER = 50;
/** …and per hourly run for everyone; what is left waits for the next hour… */
export const TOP_UP_PER_RUN = 200;
/** …of which one user gets at most this many, so one backlog cannot take the run (ADR 133). */
export const TOP_UP_PER_USER_PER_RUN = 20;

const MINUTE_MS = 60_000;

export interface ReminderDeps {
  db: Database;
  workflow: Workflow<ReminderParams>;
}

/**
 * When to mail about an event starting at `startsAt`, or null for no reminder now: reminders
 * off, the moment already past (the event starts sooner than that; the user who just set it
 * knows), or beyond the horizon (the top-up will come back for it).
 */
export function remindAtFor(startsAt: Date, minutesBefore: number | null, now: Date): Date | null {
  if (minutesBefore === null) return null;
  const remindAt = startsAt.getTime() - minutesBefore * MINUTE_MS;
  if (remindAt <= now.getTime() || remindAt > now.getTime() + REMINDER_HORIZON_MS) return null;
  return new Date(remindAt);
}

/** Ends an instance; one that already finished or never existed needs nothing. */
export async function cancelReminder(workflow: Workflow<ReminderParams>, instanceId: string) {
  try {
    const instance = await workflow.get(instanceId);
    await instance.terminate();
  } catch (error) {
    // Not found, or already complete/terminated: either way it will not mail. An instance
    // we failed to end still sends nothing once its row no longer names it.
    writeLog({
      event: "reminder-cancel-skipped",
      instanceId,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The current reminder of an event, read before the event is deleted (its row goes with it). */
export async function findEventReminder(db: Database, userId: string, eventId: string) {
  const [row] = await db
    .select({ instanceId: eventReminder.instanceId })
    .from(eventReminder)
    .where(and(eq(eventReminder.eventId, eventId), eq(eventReminder.userId, userId)));
  return row ?? null;
}

export type SyncOutcome = "scheduled" | "unchanged" | "cancelled" | "none";

/**
 * Brings one event's reminder in line with its start and its owner's setting: a new time
 * ends the old instance and starts a new one (docs/decisions/064); no time ends it.
 */
export async function syncEventReminder(
  { db, workflow }: ReminderDeps,
  userId: string,
  eventId: string,
  now = new Date(),
): Promise<SyncOutcome> {
  const [row] = await db
    .select({
      startsAt: event.startsAt,
      minutesBefore: reminderSetting.minutesBefore,
      instanceId: eventReminder.instanceId,
      remindAt: eventReminder.remindAt,
    })
    .from(event)
    .leftJoin(reminderSetting, eq(reminderSetting.userId, event.userId))
    .leftJoin(eventReminder, eq(eventReminder.eventId, event.id))
    .where(and(eq(event.id, eventId), eq(event.userId, userId)));
  if (!row) return "none";
  const remindAt = remindAtFor(row.startsAt, row.minutesBefore, now);
  if (remindAt && row.remindAt?.getTime() === remindAt.getTime()) return "unchanged";
  // A reminder that already went out stays on record until the time changes.
  if (!remindAt && row.remindAt && row.remindAt <= now) return "none";

  if (row.instanceId) {
    await cancelReminder(workflow, row.instanceId);
    if (!remindAt) await db.delete(eventReminder).where(eq(eventReminder.eventId, eventId));
  }
  if (!remindAt) return row.instanceId ? "cancelled" : "none";

  // The row first: the instance checks it names it before mailing, so it must exist by then.
  const instanceId = `reminder-${crypto.randomUUID()}`;
  await db
    .insert(eventReminder)
    .values({ eventId, userId, instanceId, remindAt })
    .onConflictDoUpdate({ target: eventReminder.eventId, set: { instanceId, remindAt } });
  try {
    await workflow.create({
      id: instanceId,
      params: { userId, eventId, remindAt: remindAt.getTime() },
    });
  } catch (error) {
    // No instance, no row: the next top-up tries again.
    await db
      .delete(eventReminder)
      .where(and(eq(eventReminder.eventId, eventId), eq(eventReminder.instanceId, instanceId)));
    throw error;
  }
  return "scheduled";
}

/**
 * Schedules reminders due within the horizon that have none (or one for another time), for
 * one user or for everyone: at most `perUser` of each user's soonest and `limit` in all, each
 * user's first before anyone's second (ADR 133). Driven from the users who have reminders on,
 * so each user's events are read through their (user, start) index.
 */
export async function topUpReminders(
  deps: ReminderDeps,
  now: Date,
  { userId, limit, perUser = limit }: { userId?: string; limit: number; perUser?: number },
) {
  const lead = sql`${reminderSetting.minutesBefore} * ${MINUTE_MS}`;
  const candidates = deps.db
    .select({
      eventId: event.id,
      userId: event.userId,
      startsAt: event.startsAt,
      rank: sql<number>`row_number() over (partition by ${event.userId} order by ${event.startsAt}, ${event.id})`.as(
        "rank",
      ),
    })
    .from(reminderSetting)
    .innerJoin(
      event,
      and(
        eq(event.userId, reminderSetting.userId),
        gt(event.startsAt, sql`${now.getTime()} + ${lead}`),
        lte(event.startsAt, sql`${now.getTime() + REMINDER_HORIZON_MS} + ${lead}`),
      ),
    )
    .leftJoin(eventReminder, eq(eventReminder.eventId, event.id))
    .where(
      and(
        userId ? eq(reminderSetting.userId, userId) : undefined,
        or(
          isNull(eventReminder.eventId),
          ne(eventReminder.remindAt, sql`${event.startsAt} - ${lead}`),
        ),
      ),
    )
    .as("candidates");
  const due = await deps.db
    .select({ eventId: candidates.eventId, userId: candidates.userId })
    .from(candidates)
    .where(lte(candidates.rank, perUser))
    .orderBy(asc(candidates.rank), asc(candidates.startsAt))
    .limit(limit);
  let scheduled = 0;
  let failed = 0;
  for (const row of due) {
    try {
      if ((await syncEventReminder(deps, row.userId, row.eventId, now)) === "scheduled") {
        scheduled++;
      }
    } catch (error) {
      failed++;
      writeLog(
        {
          event: "reminder-schedule-failed",
          eventId: row.eventId,
          reason: error instanceof Error ? error.message : String(error),
        },
        "error",
      );
    }
  }
  return { considered: due.length, scheduled, failed };
}

/**
 * After a user's setting changed: the soonest pending reminders are re-synced (moved or ended),
 * then the ones now due within the horizon are added, both capped. At most
 * REMINDER_RESYNCS_PER_HOUR such re-syncs an hour (ADR 133): past that the setting still holds
 * (an instance whose time no longer matches it mails nothing) and the hourly top-up moves the
 * pending reminders.
 */
export async function resyncUserReminders(deps: ReminderDeps, userId: string, now = new Date()) {
  const budget = await spendReminderResync(deps.db, userId, now);
  if (!budget.ok) {
    writeLog({ event: "reminder-resync-deferred", retryAfterSeconds: budget.retryAfterSeconds });
    return { deferred: true, resynced: 0, considered: 0, scheduled: 0, failed: 0 };
  }
  const pending = await deps.db
    .select({ eventId: eventReminder.eventId })
    .from(eventReminder)
    .where(and(eq(eventReminder.userId, userId), gt(eventReminder.remindAt, now)))
    .orderBy(asc(eventReminder.remindAt))
    .limit(TOP_UP_PER_USER);
  for (const row of pending) await syncEventReminder(deps, userId, row.eventId, now);
  const added = await topUpReminders(deps, now, { userId, limit: TOP_UP_PER_USER });
  return { deferred: false, resynced: pending.length, ...added };
}
