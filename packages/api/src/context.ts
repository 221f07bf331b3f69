import type { Auth, Mailer, SessionResult } from "@checkmark/auth";
import type { Database } from "@checkmark/db";
import type { ReminderScheduler } from "./reminder/scheduler";
import type { LiveTopic } from "./shared/live-topic";

/** What every procedure gets; the server Worker builds it once per request. */
export interface Context {
  db: Database;
  /** The signed-in session, resolved once per request and shared by every procedure. */
  session: SessionResult | null;
  /** The request's id, for log lines about it. */
  requestId: string;
  /** True only where mail goes to the local dev mailbox (never in production). */
  devMailbox: boolean;
  /** Better Auth, for admin actions that send its mail (admin.users.create). */
  auth: Auth;
  /** The request's headers, for Better Auth calls that need its origin. */
  headers: Headers;
  /** Adds the Set-Cookie headers of a Better Auth call to this response (impersonation). */
  setCookies(headers: Headers): void;
  /** Queues mail (ADR 060); the account's own notices (email change, deletion) go through it. */
  mail: Mailer;
  /** The web app's origin, for links in mail: BETTER_AUTH_URL's, else (locally) the request's. */
  appOrigin: string;
  /** The attachments bucket (R2): objects go when their rows do. */
  files: R2Bucket;
  /** Workers KV: figures many requests read and that may be a minute old (docs/decisions/065). */
  cache: KVNamespace;
  /** Event reminders (Workflows, docs/decisions/064); never fails the request. */
  reminders: ReminderScheduler;
  /** Tells the user's open tabs that `topic` changed; never fails the request. */
  changed(userId: string, topic: LiveTopic): void;
  /** Per-user limit on password checks inside the app (procedures.ts, passwordCheckProcedure). */
  passwordLimiter: RateLimit;
  /** Per-user limit on todo text searches, batched or not, any key (todo/search-budget.ts). */
  searchLimiter: RateLimit;
  /** Per-user limit on calls that write thousands of rows, any key (shared/bulk-budget.ts). */
  bulkLimiter: RateLimit;
  /** The server's rate limiter refused this request: every procedure answers TOO_MANY_REQUESTS. */
  rateLimited?: boolean;
  /** The caller authenticated with a read-only API key: procedures marked `write` are FORBIDDEN. */
  readOnly?: boolean;
  /** Set when the caller authenticated with an API key rather than the session cookie. */
  apiKeyId?: string | null;
  /** The caller sent an API key that was refused: UNAUTHORIZED says so, not "sign in". */
  apiKeyRejected?: boolean;
}
