import { spendFromWindow } from "@checkmark/auth/window-budget";
import type { Database } from "@checkmark/db";

// What one account may cost the mail provider and Workflows through its reminders (ADR 133),
// counted like the email-change mails (@checkmark/auth/window-budget, ADR 128).

/** Reminder mails per account in any 24 hours; past it a due reminder is not mailed. */
export const REMINDER_MAILS_PER_DAY = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Setting changes per account per hour that move its pending reminders at once. */
export const REMINDER_RESYNCS_PER_HOUR = 10;
const HOUR_MS = 60 * 60 * 1000;

export const reminderMailIdentifier = (userId: string) => `reminder-mail:${userId}`;
export const reminderResyncIdentifier = (userId: string) => `reminder-resync:${userId}`;

/**
 * Counts the mail of one reminder instance. Named by the instance, so a step retried after
 * counting (the queue failed) is not counted twice.
 */
export function spendReminderMail(db: Database, userId: string, instanceId: string) {
  return spendFromWindow(
    db,
    { identifier: reminderMailIdentifier(userId), limit: REMINDER_MAILS_PER_DAY, windowMs: DAY_MS },
    { id: `reminder-mail:${instanceId}` },
  );
}

/** Counts one re-sync of the account's pending reminders after a setting change. */
export function spendReminderResync(db: Database, userId: string, now: Date) {
  return spendFromWindow(
    db,
    {
      identifier: reminderResyncIdentifier(userId),
      limit: REMINDER_RESYNCS_PER_HOUR,
      windowMs: HOUR_MS,
    },
    { now: now.getTime() },
  );
}
