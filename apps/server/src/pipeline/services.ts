import { createAuth, readSession } from "@checkmark/auth";
import { createDb } from "@checkmark/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** Database and auth, built once per request and shared by every handler after this one. */
export const withServices: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("auth", createAuth(c.env, c.executionCtx));
  await next();
};

/** The caller's session, read once (from the signed cookie cache when fresh, else D1). */
export const withSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("session", await readSession(c.var.auth, c.req.raw));
  await next();
};
