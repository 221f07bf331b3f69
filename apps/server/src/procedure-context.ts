import { waitUntil } from "cloudflare:workers";
import { createReminderScheduler, type Context as ProcedureContext } from "@checkmark/api";
import { queueMailer } from "@checkmark/auth";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { liveFor } from "./live/user-live";
import { errorFields, writeLog } from "./log";

/** Calls over a service binding carry no Host header; Better Auth resolves its origin from it. */
function headersWithHost(request: Request): Headers {
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  return headers;
}

/** What every procedure gets, the same over RPC and REST: built once per request. */
export function procedureContext(c: Context<AppEnv>): ProcedureContext {
  return {
    db: c.var.db,
    session: c.var.session,
    requestId: c.var.requestId,
    devMailbox: c.env.MAIL_TRANSPORT === "dev-mailbox",
    auth: c.var.auth,
    headers: headersWithHost(c.req.raw),
    // Hono copies these onto the response the handler returns (batched or not).
    setCookies: (headers) => {
      for (const cookie of headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
    },
    mail: queueMailer(c.env.MAIL_QUEUE),
    appOrigin: new URL(c.env.BETTER_AUTH_URL || c.req.url).origin,
    files: c.env.FILES,
    cache: c.env.CACHE,
    reminders: createReminderScheduler({ db: c.var.db, workflow: c.env.EVENT_REMINDER }, (work) =>
      waitUntil(work),
    ),
    // After a change commits: every open tab of the user refetches (src/live).
    changed: (userId, topic) =>
      waitUntil(
        liveFor(c.env, userId)
          .changed(topic)
          .catch((error) =>
            writeLog({ event: "live-notify-failed", ...errorFields(error) }, "error"),
          ),
      ),
    rateLimited: c.var.rateLimited ?? false,
    readOnly: c.var.readOnly ?? false,
    apiKeyId: c.var.apiKeyId ?? null,
  };
}
