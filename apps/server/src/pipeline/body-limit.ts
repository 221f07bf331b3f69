import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { problem } from "../problem";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * event.import carries up to 10,000 events read from a file of at most 5 MB (recurring events
 * expanded, JSON-escaped): its own, larger limit. Every other route keeps 1 MB.
 */
export const IMPORT_MAX_BODY_BYTES = 12 * 1024 * 1024;
export const IMPORT_PATH = "/rpc/event/import";

const refuse = (limit: string) => (c: Context) =>
  problem(c as Context<AppEnv>, 413, `The body may be at most ${limit}.`);

const standard = honoBodyLimit({ maxSize: MAX_BODY_BYTES, onError: refuse("1 MB") });
const forImport = honoBodyLimit({ maxSize: IMPORT_MAX_BODY_BYTES, onError: refuse("12 MB") });

/**
 * Bodies over the limit are refused from Content-Length, or mid-stream when there is none.
 * File uploads stream to R2 under their own 10 MB limit (src/attachments/routes.ts).
 */
export const bodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (c.req.method === "POST" && c.req.path === "/api/attachments") return next();
  return c.req.path === IMPORT_PATH ? forImport(c, next) : standard(c, next);
};
