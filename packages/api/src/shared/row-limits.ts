/**
 * How many rows of each kind one user may hold (docs/decisions/114, 115 and 131). An object, not
 * constants, so a workerd test can lower a cap for one test instead of writing 50,000 rows.
 */
export const rowLimits = {
  /** Live (unexpired) API keys: each is a rate-limit budget of its own. */
  apiKeys: 10,
  /** Live (not cleared) todos: 5x the bench's 10,000 for one user. */
  todos: 50_000,
  /** Events: 25x the bench's 2,000, a lifetime of a busy calendar. */
  events: 50_000,
  /** Attached files, all parents together: 100 MiB of quota in files of 100 KiB on average. */
  attachments: 1_000,
  /** Attached files on one todo or one event (docs/decisions/131): what a form shows at once. */
  attachmentsPerParent: 20,
};
