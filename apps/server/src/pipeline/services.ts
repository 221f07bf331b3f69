import { waitUntil } from "cloudflare:workers";
import { lastSeenIsStale, noteSessionSeen } from "@checkmark/api";
import { type Auth, createAuth, readSession } from "@checkmark/auth";
import { createDb, type Database, oncePer } from "@checkmark/db";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { errorFields, logEvent } from "../log";
import { isAllowedOrigin } from "./allowed-origins";
import { presentedApiKey, useApiKey } from "./api-key";

// Building Better Auth costs about 2 ms of CPU (bench/profile.ts), and nothing in it is per
// request: it resolves the base URL per request itself, and `waitUntil` from
// cloudflare:workers reaches whichever request is running. So one instance per env.
const authFor = oncePer((env: Env): Auth => createAuth(env, { waitUntil }));

/**
 * Database and auth for this request, shared by every handler after this one. Drizzle's client
 * is one per D1 binding already (`createDb`).
 */
export const withServices: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("auth", authFor(c.env));
  await next();
};

/**
 * The caller's session, read once per HTTP request (ADR 008, ADR 080): a batch of calls shares
 * it. `Server-Timing: session` says how long the read took, and that it happened once.
 */
export const withSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  // A program's API key decides alone: any cookie beside it is ignored.
  const key = presentedApiKey(c);
  if (key) await useApiKey(c, key);
  else c.set("session", await readCookieSession(c));
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  await next();
  c.res.headers.append("Server-Timing", `session;dur=${durationMs}`);
};

/** The cookie's session; its "last seen" for the devices list is refreshed after the response. */
async function readCookieSession(c: Context<AppEnv>) {
  const found = await readSession(c.get("auth"), c.get("db"), c.req.raw);
  if (found && lastSeenIsStale(found.session)) {
    const noted = noteSessionSeen(c.get("db"), found.session).catch((error) =>
      logEvent(c, "last-seen-failed", errorFields(error)),
    );
    waitUntil(noted);
  }
  return found;
}

/**
 * For /api/v1: the cookie session only when the request comes from this app's own origins
 * (no Origin header, or an allowed one); a third-party origin's call never acts on a cookie.
 */
export const withRestSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  const firstParty = !origin || isAllowedOrigin(origin, c.req.url, c.env);
  const crossSite = c.req.header("sec-fetch-site") === "cross-site";
  const key = presentedApiKey(c);
  if (key) {
    await useApiKey(c, key);
  } else if (firstParty && !crossSite) {
    c.set("session", await readCookieSession(c));
  } else {
    c.set("session", null);
  }
  await next();
};
