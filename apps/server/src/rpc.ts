import { waitUntil } from "cloudflare:workers";
import { appRouter } from "@checkmark/api";
import { ORPCError, onError } from "@orpc/server";
import { RPCHandler } from "@orpc/server/fetch";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { liveFor } from "./live/user-live";
import { errorFields, writeLog } from "./log";

// Stateless, so one handler serves every request of the isolate.
const handler = new RPCHandler(appRouter, {
  interceptors: [
    onError((error, { context }) => {
      // Typed errors reach the client as they are; anything else is a bug, logged in full,
      // while the client sees only INTERNAL_SERVER_ERROR.
      if (!(error instanceof ORPCError) || error.status >= 500) {
        const cause = error instanceof ORPCError && error.cause ? error.cause : error;
        writeLog(
          { event: "rpc-error", requestId: context.requestId, ...errorFields(cause) },
          "error",
        );
      }
    }),
  ],
});

/** Calls over a service binding carry no Host header; Better Auth resolves its origin from it. */
function headersWithHost(request: Request): Headers {
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  return headers;
}

export async function handleRpc(c: Context<AppEnv>) {
  const { matched, response } = await handler.handle(c.req.raw, {
    prefix: "/rpc",
    context: {
      db: c.var.db,
      session: c.var.session,
      requestId: c.var.requestId,
      devMailbox: c.env.MAIL_TRANSPORT === "dev-mailbox",
      auth: c.var.auth,
      headers: headersWithHost(c.req.raw),
      files: c.env.FILES,
      // After a change commits: every open tab of the user refetches (src/live).
      changed: (userId, topic) =>
        waitUntil(
          liveFor(c.env, userId)
            .changed(topic)
            .catch((error) =>
              writeLog({ event: "live-notify-failed", ...errorFields(error) }, "error"),
            ),
        ),
    },
  });
  return matched ? response : undefined;
}
