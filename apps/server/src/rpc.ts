import { appRouter } from "@checkmark/api";
import { ORPCError, onError } from "@orpc/server";
import { RPCHandler } from "@orpc/server/fetch";
import { BatchHandlerPlugin } from "@orpc/server/plugins";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { errorFields, writeLog } from "./log";
import { procedureContext } from "./procedure-context";

// Stateless, so one handler serves every request of the isolate.
const handler = new RPCHandler(appRouter, {
  // The web app sends the calls of one render as one request (`/rpc/__batch__`). It pays the
  // pipeline once (one session read, one rate-limit count), so its size is bounded (ADR 081).
  plugins: [new BatchHandlerPlugin({ maxSize: 10 })],
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

export async function handleRpc(c: Context<AppEnv>) {
  const { matched, response } = await handler.handle(c.req.raw, {
    prefix: "/rpc",
    context: procedureContext(c),
  });
  return matched ? response : undefined;
}
