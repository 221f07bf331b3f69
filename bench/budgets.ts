// Size budgets, checked on every `npm test` (bench/check-size.ts and the page-weight
// browser test). Each sits a little above what the build measured when it was set, so a
// real regression fails CI while ordinary churn does not. Raise one only on purpose, in the
// same commit as the change that needs it, and say why there.
const KiB = 1024;

export const budgets = {
  // Measured 382 KiB unminified, 282 KiB minified (2026-11-25). Left at 420 for the Better Auth
  // plugins the account, admin and API-key features bring (STACK-NOTES 27). Workers' limits:
  // 3 MiB gzip on the free plan, 10 MiB paid. Most of it is Better Auth, zod and Drizzle.
  serverWorkerGzip: 420 * KiB,
  // Measured 364 KiB unminified, 218 KiB minified (2026-11-25): React DOM server, TanStack
  // Start and the route code.
  webWorkerGzip: 400 * KiB,
  // Measured 182 KiB for the first visit to /todos: React, TanStack Router/Query/Form, the
  // oRPC client and zod. 200 KiB is the product's ceiling for a first load.
  firstLoadJsGzip: 200 * KiB,
  // Measured 122 KiB (the client entry with React DOM).
  largestClientChunkGzip: 135 * KiB,
} as const;

export type Budget = keyof typeof budgets;
