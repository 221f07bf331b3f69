import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import type { AppEnv } from "../app-env";
import { isAllowedOrigin } from "./allowed-origins";

/**
 * For direct callers on other origins. Only listed origins get CORS headers, always with
 * their exact origin (never `*`), so credentials are never shared with anyone else.
 */
export const cors: MiddlewareHandler<AppEnv> = (c, next) =>
  honoCors({
    origin: (origin) => (origin && isAllowedOrigin(origin, c.req.url, c.env) ? origin : null),
    credentials: true,
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["content-type", "x-request-id"],
    exposeHeaders: ["x-request-id", "retry-after"],
    maxAge: 600,
  })(c, next);
