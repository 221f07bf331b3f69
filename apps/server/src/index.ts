import { createAuth } from "@checkmark/auth";
import { createDb } from "@checkmark/db";
import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { handleAuth } from "./auth-route";
import { health } from "./health";
import { problem } from "./problem";
import { handleRpc } from "./rpc";

const app = new Hono<AppEnv>();

app.get("/health", health);

// Database and auth are built once per request and shared by every handler after it.
const withServices: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("auth", createAuth(c.env, c.executionCtx));
  await next();
};
app.use("/api/*", withServices);
app.use("/rpc/*", withServices);

app.on(["GET", "POST"], "/api/auth/*", handleAuth);

app.all("/rpc/*", async (c) => {
  const response = await handleRpc(c);
  return response ?? problem(c, 404, "Not Found", "No such procedure.");
});

app.notFound((c) => problem(c, 404, "Not Found"));

app.onError((error, c) => {
  console.error(
    JSON.stringify({ msg: "unhandled error", error: String(error), stack: error.stack }),
  );
  return problem(c, 500, "Internal Server Error");
});

export default app;
