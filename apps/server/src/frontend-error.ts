import { frontendErrorReportSchema, recordFrontendError } from "@checkmark/api";
import { createDb } from "@checkmark/db";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { errorFields, logEvent } from "./log";
import { problem } from "./problem";

/**
 * POST /api/log/frontend-error: pre-auth, so errors on the sign-in page can be reported too.
 * Validated and bounded; stored after the response so the browser never waits on D1.
 */
export async function handleFrontendError(c: Context<AppEnv>) {
  const body = await c.req.json().catch(() => undefined);
  const parsed = frontendErrorReportSchema.safeParse(body);
  if (!parsed.success) {
    return problem(c, 400, "Send { message, url, stack? } as JSON.");
  }
  const report = {
    ...parsed.data,
    userAgent: c.req.header("user-agent") ?? null,
    requestId: c.get("requestId"),
  };
  c.executionCtx.waitUntil(
    recordFrontendError(createDb(c.env.DB), report).catch((error) =>
      logEvent(c, "frontend-error-not-stored", errorFields(error)),
    ),
  );
  return c.body(null, 202);
}
