import { RETRY_AFTER_SECONDS } from "../shared/retry-after";

/**
 * A text search walks every live todo of the user (up to the row cap, ADR 115) on the shared
 * D1, so searches get a per-user budget of their own (SEARCH_LIMITER, ADR 127), spent once per
 * searching call: batching calls, or spreading them over API keys, buys no more.
 */
export const searchBudgetKey = (userId: string) => `search:user:${userId}`;

/** What the typed TOO_MANY_REQUESTS says when the search budget is spent. */
export const searchesRefused = {
  message: "Too many searches. Wait a minute, then search again.",
  data: { retryAfterSeconds: RETRY_AFTER_SECONDS },
};

/**
 * Spends one search of the user's budget when `q` searches; true when the call may run. Calls
 * without a search spend nothing (the todos page's plain render stays as it was).
 */
export async function withinSearchBudget(
  limiter: RateLimit,
  userId: string,
  q: string | undefined,
): Promise<boolean> {
  if (!q) return true;
  const { success } = await limiter.limit({ key: searchBudgetKey(userId) });
  return success;
}
