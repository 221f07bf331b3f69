import { redactPath, writeLog } from "@checkmark/logging";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";

export { errorFields, writeLog } from "@checkmark/logging";

/**
 * One structured JSON line about the current request. The path is redacted: reset links
 * carry their token in it.
 */
export function logEvent(c: Context<AppEnv>, event: string, fields: Record<string, unknown> = {}) {
  writeLog({
    event,
    requestId: c.get("requestId"),
    method: c.req.method,
    path: redactPath(c.req.path),
    ...fields,
  });
}
