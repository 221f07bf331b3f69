import { appRouter } from "@checkmark/api";
import { ORPCError, onError } from "@orpc/server";
import { RPCHandler } from "@orpc/server/fetch";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

// Stateless, so one handler serves every request of the isolate.
const handler = new RPCHandler(appRouter, {
  interceptors: [
    onError((error) => {
      // Typed errors reach the client as they are; anything else is a bug, logged in full,
      // while the client sees only INTERNAL_SERVER_ERROR.
      if (!(error instanceof ORPCError) || error.status >= 500) {
        console.error(JSON.stringify({ event: "rpc-error", error: String(error) }));
      }
    }),
  ],
});

export async function handleRpc(c: Context<AppEnv>) {
  const { matched, response } = await handler.handle(c.req.raw, {
    prefix: "/rpc",
    context: {
      db: c.var.db,
      session: c.var.session,
      devMailbox: c.env.MAIL_TRANSPORT === "dev-mailbox",
    },
  });
  return matched ? response : undefined;
}
