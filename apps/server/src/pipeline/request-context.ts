import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { logEvent } from "../log";

const WELL_FORMED_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * First in the pipeline: a request id (the caller's if well formed, else a new one) echoed on
 * the response, the client IP, Server-Timing, and one access-log line per request.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && WELL_FORMED_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("clientIp", c.req.header("cf-connecting-ip") ?? "unknown");

  await next();

  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  c.res.headers.set("X-Request-Id", requestId);
  c.res.headers.append("Server-Timing", `total;dur=${durationMs}`);
  logEvent(c, "request", {
    status: c.res.status,
    durationMs,
    userId: c.var.session?.user.id ?? null,
  });
};
