import { writeLog } from "@checkmark/logging";
import {
  cancelReminder,
  type ReminderDeps,
  resyncUserReminders,
  syncEventReminder,
  TOP_UP_PER_USER,
  topUpReminders,
} from "./schedule";

/**
 * What procedures call after an event or the setting changed. A failure is logged and never
 * fails the request: the event is saved, and the hourly top-up repairs a missing reminder.
 */
export interface ReminderScheduler {
  /** After create or update: schedule, move or end the event's reminder. */
  eventChanged(userId: string, eventId: string): Promise<void>;
  /** After delete: end the instance read with findEventReminder before the delete. */
  eventDeleted(instanceId: string): Promise<void>;
  /** After an import: the soonest imported events, in the background and capped. */
  eventsImported(userId: string): void;
  /** After the setting changed: every pending reminder follows, in the background. */
  userSettingChanged(userId: string): Promise<void>;
}

function logFailure(action: string, error: unknown) {
  writeLog(
    {
      event: "reminder-schedule-failed",
      action,
      reason: error instanceof Error ? error.message : String(error),
    },
    "error",
  );
}

export function createReminderScheduler(
  deps: ReminderDeps,
  /** Keeps work going after the response (waitUntil). */
  background: (work: Promise<unknown>) => void,
): ReminderScheduler {
  return {
    async eventChanged(userId, eventId) {
      await syncEventReminder(deps, userId, eventId).catch((error) =>
        logFailure("event-changed", error),
      );
    },
    async eventDeleted(instanceId) {
      await cancelReminder(deps.workflow, instanceId);
    },
    eventsImported(userId) {
      background(
        topUpReminders(deps, new Date(), { userId, limit: TOP_UP_PER_USER }).catch((error) =>
          logFailure("events-imported", error),
        ),
      );
    },
    async userSettingChanged(userId) {
      background(
        resyncUserReminders(deps, userId).catch((error) => logFailure("setting-changed", error)),
      );
    },
  };
}
