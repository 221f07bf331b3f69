/**
 * Which occurrences of a recurring event an import writes: from a year before the import to
 * two years after it. Enough for an agenda and its recent history; a daily event comes to
 * about 1,100 rows, so a few of them still fit one import (EVENT_IMPORT_MAX_ROWS).
 */
export const RECURRENCE_WINDOW = { daysBefore: 365, daysAfter: 730 } as const;

/** Steps through one rule at most: a rule repeating every second must not hang the tab. */
export const MAX_RECURRENCE_STEPS = 50_000;

const DAY_MS = 86_400_000;

export function recurrenceWindow(now: Date) {
  return {
    from: now.getTime() - RECURRENCE_WINDOW.daysBefore * DAY_MS,
    to: now.getTime() + RECURRENCE_WINDOW.daysAfter * DAY_MS,
  };
}
