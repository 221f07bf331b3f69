import { os } from "@orpc/server";
import type { Context } from "./context";
import { baseErrors, RETRY_AFTER_SECONDS } from "./errors";

/**
 * What a procedure does, for API keys: a read-only key may call `read` procedures only.
 * Every procedure states it where it is built (publicProcedure/protectedProcedure reads,
 * `.meta({ access: "write" })` for changes), so the rule lives in one place: `scoped` below.
 */
export interface ProcedureMeta {
  access: "read" | "write";
}

const base = os
  .$context<Context>()
  .$meta<ProcedureMeta>({ access: "read" })
  .errors(baseErrors)
  // The server's limiter decides before the procedure runs; refusing here makes the answer
  // a typed error in every protocol (RPC, batched RPC, REST).
  .use(({ context, next, errors }) => {
    if (context.rateLimited) {
      throw errors.TOO_MANY_REQUESTS({ data: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
    }
    return next();
  });

export const publicProcedure = base;

/** Refuses calls without a session (UNAUTHORIZED, HTTP 401) and hands on a non-null user. */
export const protectedProcedure = base.use(({ context, next, errors, procedure }) => {
  if (!context.session) throw errors.UNAUTHORIZED();
  // An API key limited to reads may not call a procedure that changes anything.
  if (context.readOnly && procedure["~orpc"].meta.access === "write") {
    throw errors.FORBIDDEN({ message: "This API key may only read." });
  }
  return next({ context: { session: context.session, user: context.session.user } });
});

/** Signed-in admins only (FORBIDDEN, HTTP 403, for everyone else signed in). */
export const adminProcedure = protectedProcedure.use(({ context, next, errors }) => {
  if (context.user.role !== "admin")
    throw errors.FORBIDDEN({ message: "Only admins can do that." });
  return next();
});
