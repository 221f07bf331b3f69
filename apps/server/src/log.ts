import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/**
 * One structured JSON line. Callers pass facts, never secrets: no passwords, tokens,
 * cookies or bodies ever go in here.
 */
export function logEvent(c: Context<AppEnv>, event: string, fields: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      time: new Date().toISOString(),
      event,
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      ...fields,
    }),
  );
}
