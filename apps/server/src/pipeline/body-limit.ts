import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { problem } from "../problem";

export const MAX_BODY_BYTES = 1024 * 1024;

const limitOneMegabyte: MiddlewareHandler<AppEnv> = honoBodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => problem(c as Parameters<typeof problem>[0], 413, "The body may be at most 1 MB."),
});

/**
 * Bodies over 1 MB are refused from Content-Length, or mid-stream when there is none. File
 * uploads are the one exception: their route streams them to R2 under its own 10 MB limit
 * (src/attachments/routes.ts).
 */
export const bodyLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.method === "POST" && c.req.path === "/api/attachments" ? next() : limitOneMegabyte(c, next);
