// Size and startup budgets, checked on every `npm test` (bench/check-size.ts, check-startup.ts and the page-weight
// browser test). Each sits a little above what the build measured when it was set, so a
// real regression fails CI while ordinary churn does not. Raise one only on purpose, in the
// same commit as the change that needs it, and say why there.
const KiB = 1024;

export const budgets = {
  // Measured 377.5 KiB (2026-11-26, ADR 090), with two-factor, passkeys, API keys, admin and
  // the KV cache in: 403.6 before, +13 for the lazy initialisers of code imported on first use,
  // -39.5 for zod's error locales (patched out; only English is used). Workers' limits: 3 MiB
  // gzip on the free plan, 10 MiB paid. Most of it is Better Auth, zod and Drizzle.
  serverWorkerGzip: 385 * KiB,
  // Measured 299.1 KiB (2026-11-27, ADR 145: sonner and uqr, which only the browser runs, left
  // the Worker's build; 313.9 before): React DOM server, TanStack Start and the route code.
  // Was 340 at 328.7 measured; lowered when the import page's file readers (Papa Parse,
  // ical.js), which only the browser runs (ADR 010), left the Worker's build (31 KiB).
  webWorkerGzip: 315 * KiB,
  // Measured 138.7 KiB in 12 scripts for the first visit to /todos (2026-11-27, ADR 145:
  // Start's server-function fetcher and seroval load on a server function's first call; 149.6
  // before; 146.0 in 9 scripts at ADR 085): React DOM, the framework chunk (router, Start,
  // query cache, oRPC client), the shell and the todos page. Issue 13's target is 150 KiB, so
  // the budget is the target.
  firstLoadJsGzip: 150 * KiB,
  // Measured 71.0 KiB (React DOM's chunk, ADR 085). Issue 13 allows no route a chunk over
  // 100 KiB; this holds the gain.
  largestClientChunkGzip: 80 * KiB,
  // Server Worker startup CPU (bench/check-startup.ts): V8 samples of the deploy bundle's
  // evaluation under wrangler's startup profiler, median of 3, in ms. Measured 4-5 ms (five
  // medians, load average 2-7) since ADR 097 split the upload into an entry and chunks, so
  // startup parses the pipeline only; 22-25 ms with ADR 090's one file (38 under the workerd
  // suite), 94-108 ms before ADR 090, 155 with the API router back at startup.
  serverStartupSampledMs: 10,
} as const;

export type Budget = keyof typeof budgets;
