import {
  AUTH_RATE_LIMIT_LONGEST_WINDOW_SECONDS,
  EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
} from "@checkmark/auth";

// What housekeeping keeps, in one place. Ages are in milliseconds, like the timestamp columns.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows per DELETE: one statement stays short, so requests writing to D1 meanwhile barely wait. */
export const BATCH_SIZE = 500;

/**
 * DELETEs per job per run: a run stays far inside a Worker's limits (D1 queries, time) however
 * much piled up; what is left goes in the next hourly run.
 */
export const MAX_BATCHES_PER_JOB = 20;

/** Browser errors kept at most: an admin reads the newest; a flood of distinct ones stays bounded. */
export const FRONTEND_ERROR_MAX_ROWS = 1000;

/** A browser error not seen for this long is fixed or forgotten. */
export const FRONTEND_ERROR_MAX_AGE_MS = 30 * DAY_MS;

/** Local mail only (the dev mailbox shows the newest 50); a week covers any test or debugging. */
export const DEV_MAIL_MAX_AGE_MS = 7 * DAY_MS;

/** Better Auth counters idle past the longest window start from zero anyway (rate-limits.ts). */
export const RATE_LIMIT_IDLE_MS = AUTH_RATE_LIMIT_LONGEST_WINDOW_SECONDS * 1000;

/**
 * An account unconfirmed when its confirmation link has expired is abandoned, or someone else's
 * address: removing it frees the email for its owner (same value as emailVerification.expiresIn).
 */
export const UNCONFIRMED_USER_MAX_AGE_MS = EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS * 1000;

/**
 * Todos removed by "clear completed" stay restorable this long. The undo toast needs seconds;
 * a day also covers a reload or another device, and cleared text does not linger.
 */
export const DELETED_TODO_RETENTION_MS = DAY_MS;

/**
 * Admin audit entries are kept a year, then go. Never below 30 days: the audit_log trigger
 * (migration 0006) refuses to delete younger entries, for housekeeping too.
 */
export const AUDIT_LOG_MAX_AGE_MS = 365 * DAY_MS;

/**
 * Delivery records only stop redelivered queue messages from sending twice; retries end within
 * about 6 hours (10 retries, at most 1 h apart), so a week is plenty.
 */
export const MAIL_DELIVERY_MAX_AGE_MS = 7 * DAY_MS;

/** Undeliverable mail kept for an operator; its links have expired by then anyway. */
export const MAIL_DEAD_LETTER_MAX_AGE_MS = 7 * DAY_MS;

/** An R2 object this new may belong to an upload whose row is not written yet. */
export const ORPHANED_FILE_MIN_AGE_MS = 60 * 60 * 1000;
