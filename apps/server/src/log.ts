import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/**
 * One structured JSON line. Callers pass facts, never secrets: no passwords, tokens,
 * cookies or bodies ever go in here.
 */
export function logEvent(c: Context<AppEnv>, event: string, fields: Record<string, unknown> = {}) {
  writeLog({
    event,
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    ...fields,
  });
}

/** The line itself, for callers outside a Hono handler; `error` for failures. */
export function writeLog(fields: Record<string, unknown>, level: "log" | "error" = "log") {
  console[level](JSON.stringify({ time: new Date().toISOString(), ...fields }));
}

/**
 * An error as log fields: its message, each `cause` under it (Drizzle wraps D1's own error,
 * which says what really failed), and the stack. For logs only, never for a response.
 */
export function errorFields(error: unknown): { error: string; causes?: string[]; stack?: string } {
  const causes: string[] = [];
  for (let cause = (error as Error | undefined)?.cause; cause && causes.length < 5; ) {
    causes.push(String(cause));
    cause = (cause as Error).cause;
  }
  return {
    error: String(error),
    ...(causes.length > 0 ? { causes } : {}),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}
