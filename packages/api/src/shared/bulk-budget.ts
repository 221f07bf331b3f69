import { RETRY_AFTER_SECONDS } from "./retry-after";

/**
 * Calls that may write thousands of rows at once on the shared D1: an event import (10,000 rows
 * checked and written), clearing completed todos and undoing a delete or clear (up to the
 * 50,000-todo cap in one statement). They share one per-user budget (BULK_LIMITER, ADR 138),
 * spent once per call whatever the caller signed in with: batching calls, or spreading them over
 * API keys, buys no more.
 */
export const bulkBudgetKey = (userId: string) => `bulk:user:${userId}`;

const refusal = (message: string) => ({
  message,
  data: { retryAfterSeconds: RETRY_AFTER_SECONDS },
});

/** What the typed TOO_MANY_REQUESTS says when the budget is spent, per kind of call. */
export const bulkRefusals = {
  import: refusal("Too many imports. Wait a minute, then import again."),
  todos: refusal("Too many changes to many todos at once. Wait a minute, then try again."),
  // An undo refused loses nothing: the todos wait a day (housekeeping), and so may the undo.
  restore: refusal(
    "Too many changes to many todos at once, so they were not brought back yet. Deleted todos are kept for a day: wait a minute, then Undo again.",
  ),
};

/** Spends one bulk write of the user's budget; true when the call may run. */
export async function withinBulkBudget(limiter: RateLimit, userId: string): Promise<boolean> {
  const { success } = await limiter.limit({ key: bulkBudgetKey(userId) });
  return success;
}
