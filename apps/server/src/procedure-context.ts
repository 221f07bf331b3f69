import { waitUntil } from "cloudflare:workers";
import { createReminderScheduler, type Context as ProcedureContext } from "@checkmark/api";
import { queueMailer } from "@checkmark/auth";
import { createDb, oncePer } from "@checkmark/db";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { liveFor } from "./live/user-live";
import { errorFields, writeLog } from "./log";

/**
 * Calls over a service binding carry no Host header; Better Auth resolves its origin from it.
 * Copied only then: most requests hand on their own headers as they are.
 */
function headersWithHost(request: Request): Headers {
  if (request.headers.has("host")) return request.headers;
  const headers = new Headers(request.headers);
  headers.set("host", new URL(request.url).host);
  return headers;
}

type IsolateServices = Pick<ProcedureContext, "mail" | "reminders" | "changed">;

// Nothing in these is per request (`waitUntil` from cloudflare:workers reaches whichever
// request is running), so they are built once per env, like Better Auth and Drizzle.
const isolateServices = oncePer(
  (env: Env): IsolateServices => ({
    mail: queueMailer(env.MAIL_QUEUE),
    reminders: createReminderScheduler(
      { db: createDb(env.DB), workflow: env.EVENT_REMINDER },
      (work) => waitUntil(work),
    ),
    // After a change commits: every open tab of the user refetches (src/live).
    changed: (userId, topic) =>
      waitUntil(
        liveFor(env, userId)
          .changed(topic)
          .catch((error) =>
            writeLog({ event: "live-notify-failed", ...errorFields(error) }, "error"),
          ),
      ),
  }),
);

/** What every procedure gets, the same over RPC and REST: built once per request. */
export function procedureContext(c: Context<AppEnv>): ProcedureContext {
  return {
    ...isolateServices(c.env),
    db: c.get("db"),
    session: c.get("session"),
    requestId: c.get("requestId"),
    devMailbox: c.env.MAIL_TRANSPORT === "dev-mailbox",
    auth: c.get("auth"),
    headers: headersWithHost(c.req.raw),
    // Hono copies these onto the response the handler returns (batched or not).
    setCookies: (headers) => {
      for (const cookie of headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
    },
    appOrigin: c.env.BETTER_AUTH_URL
      ? new URL(c.env.BETTER_AUTH_URL).origin
      : new URL(c.req.url).origin,
    files: c.env.FILES,
    cache: c.env.CACHE,
    passwordLimiter: c.env.PASSWORD_LIMITER,
    // Load tests search far more than a person: they lift this with the rest of /rpc.
    searchLimiter:
      c.env.RATE_LIMIT_TIER === "loadtest" ? c.env.LOADTEST_LIMITER : c.env.SEARCH_LIMITER,
    // Strict whatever RATE_LIMIT_TIER says: the benchmark neither imports nor clears.
    bulkLimiter: c.env.BULK_LIMITER,
    rateLimited: c.get("rateLimited") ?? false,
    readOnly: c.get("readOnly") ?? false,
    apiKeyId: c.get("apiKeyId") ?? null,
    apiKeyRejected: c.get("apiKeyRejected") ?? false,
  };
}
