import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import type { AppEnv } from "../app-env";
import { isAllowedOrigin, isApiCorsOrigin, isRestPath } from "./allowed-origins";

/**
 * For direct callers on other origins. Only listed origins get CORS headers, always with
 * their exact origin (never `*`), so credentials are never shared with anyone else.
 */
export const cors: MiddlewareHandler<AppEnv> = (c, next) =>
  isRestPath(c.req.path) ? apiCors(c, next) : appCors(c, next);

// Both are built once per isolate; the origin check reads the request and env it is given.
const appCors: MiddlewareHandler<AppEnv> = honoCors({
  origin: (origin, c) =>
    origin && isAllowedOrigin(origin, c.req.url, c.env as Env) ? origin : null,
  credentials: true,
  allowMethods: ["GET", "POST", "OPTIONS"],
  allowHeaders: ["content-type", "x-request-id"],
  exposeHeaders: ["x-request-id", "retry-after"],
  maxAge: 600,
});

/**
 * /api/v1 for third-party web apps: only origins in API_CORS_ORIGINS, and never with
 * credentials, so a browser sends no cookie and such a caller can only use an API key.
 */
const apiCors: MiddlewareHandler<AppEnv> = honoCors({
  origin: (origin, c) => (origin && isApiCorsOrigin(origin, c.env as Env) ? origin : null),
  credentials: false,
  allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
  allowHeaders: ["authorization", "x-api-key", "content-type", "x-request-id"],
  // What the problems' headers say (the wait, the methods a path takes, the key refused) is
  // for the caller's code too, not only its network log.
  exposeHeaders: ["x-request-id", "retry-after", "allow", "www-authenticate"],
  maxAge: 600,
});
