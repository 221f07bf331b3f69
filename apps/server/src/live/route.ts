import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { isAllowedOrigin } from "../pipeline/allowed-origins";
import { problem } from "../problem";
import { liveFor } from "./user-live";

/**
 * GET /api/live: a WebSocket that says when the signed-in user's data changed. The session
 * cookie authenticates it (never an API key); a foreign Origin is refused, since browsers send cookies with
 * cross-site WebSocket handshakes (SameSite=Lax does not stop them).
 */
export async function openLive(c: Context<AppEnv>) {
  const origin = c.req.header("origin");
  if (origin && !isAllowedOrigin(origin, c.req.url, c.env)) {
    return problem(c, 403, "This origin may not open live updates.");
  }
  const session = c.get("session");
  if (!session) return problem(c, 401, "Sign in to continue.");
  // The app's tabs only: a key's socket would hold one of the user's few places (ADR 134) and
  // push a tab out, and a program reads what changed through the API anyway.
  if (c.get("apiKeyId"))
    return problem(c, 403, "Live updates are for the app's tabs, not API keys.");
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    return problem(c, 426, "Open this with a WebSocket.", { upgrade: "websocket" });
  }
  const headers = new Headers(c.req.raw.headers);
  headers.set("x-session-id", session.session.id);
  return liveFor(c.env, session.user.id).fetch(new Request(c.req.raw, { headers }));
}
