import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** Better Auth's handler, with its rate-limit answer carrying the standard Retry-After header. */
export async function handleAuth(c: Context<AppEnv>) {
  const response = await c.var.auth.handler(c.req.raw);
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status !== 429 || !retryAfter || response.headers.has("retry-after")) {
    return response;
  }
  const limited = new Response(response.body, response);
  limited.headers.set("Retry-After", retryAfter);
  return limited;
}
