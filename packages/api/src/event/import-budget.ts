import { RETRY_AFTER_SECONDS } from "../shared/retry-after";

/**
 * An import checks and writes up to 10,000 rows (tens of D1 statements on the shared database),
 * so imports get a per-user budget of their own (IMPORT_LIMITER, ADR 138), spent once per
 * import whatever the caller signed in with: spreading imports over API keys buys no more.
 */
export const importBudgetKey = (userId: string) => `import:user:${userId}`;

/** What the typed TOO_MANY_REQUESTS says when the import budget is spent. */
export const importsRefused = {
  message: "Too many imports. Wait a minute, then import again.",
  data: { retryAfterSeconds: RETRY_AFTER_SECONDS },
};

/** Spends one import of the user's budget; true when the import may run. */
export async function withinImportBudget(limiter: RateLimit, userId: string): Promise<boolean> {
  const { success } = await limiter.limit({ key: importBudgetKey(userId) });
  return success;
}
