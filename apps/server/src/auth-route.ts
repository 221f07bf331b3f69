import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { problem } from "./problem";

/**
 * Better Auth's handler. Its own per-address limiter's refusal becomes the same 429 problem details as the
 * Worker's rate limits, with the standard Retry-After header, so a client meets one shape.
 */
export async function handleAuth(c: Context<AppEnv>) {
  const response = await c.get("auth").handler(c.req.raw);
  // Only the limiter sets X-Retry-After; other 429s (a locked two-factor) keep their code.
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status !== 429 || !retryAfter) return response;
  await response.body?.cancel();
  return problem(c, 429, "Too many attempts from this address. Wait, then try again.", {
    "Retry-After": retryAfter,
  });
}
