import { appRouter, createContext } from "@checkmark/api";
import { onError } from "@orpc/server";
import { RPCHandler } from "@orpc/server/fetch";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

// Stateless, so one handler serves every request of the isolate.
const handler = new RPCHandler(appRouter, {
  interceptors: [
    onError((error) => {
      // Typed errors go to the client as they are; only unexpected ones are logged in full.
      if (!(error instanceof Error) || !("code" in error)) {
        console.error(JSON.stringify({ msg: "rpc error", error: String(error) }));
      }
    }),
  ],
});

export async function handleRpc(c: Context<AppEnv>) {
  const context = await createContext({
    db: c.var.db,
    auth: c.var.auth,
    request: c.req.raw,
    devMailbox: c.env.MAIL_TRANSPORT === "dev-mailbox",
  });
  const { matched, response } = await handler.handle(c.req.raw, { prefix: "/rpc", context });
  return matched ? response : undefined;
}
