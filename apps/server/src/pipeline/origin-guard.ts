import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { logEvent } from "../log";
import { problem } from "../problem";
import { isAllowedOrigin, isApiCorsOrigin, isRestPath } from "./allowed-origins";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// What an HTML form (or a no-preflight fetch) can send across sites.
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * CSRF defence for state-changing requests, on top of Better Auth's own origin check:
 * no cross-site browser requests, no foreign Origin, and JSON only.
 */
export const originGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();

  const refuse = (status: 403 | 415, detail: string) => {
    logEvent(c, "refused", { status, reason: detail, ip: c.get("clientIp") });
    return problem(c, status, detail);
  };
  const origin = c.req.header("origin");
  // Third-party origins may change things over /api/v1 with an API key: their requests carry
  // no session (withRestSession ignores cookies from foreign origins).
  const apiCaller = !!origin && isRestPath(c.req.path) && isApiCorsOrigin(origin, c.env);
  if (!apiCaller && c.req.header("sec-fetch-site") === "cross-site") {
    return refuse(403, "Cross-site requests may not change anything here.");
  }
  if (origin && !apiCaller && !isAllowedOrigin(origin, c.req.url, c.env)) {
    return refuse(403, "This origin may not call this API.");
  }
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type && FORM_TYPES.includes(type)) {
    return refuse(415, "Send JSON (application/json).");
  }
  return next();
};
