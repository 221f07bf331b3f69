import { ORPCError, os } from "@orpc/server";
import type { Context } from "./context";
import type { Owner } from "./shared/owner";

const base = os.$context<Context>();

export const publicProcedure = base;

/**
 * Refuses calls without a session (UNAUTHORIZED, HTTP 401) and hands on a non-null user, and the
 * `owner` every query on the user's own rows goes through (shared/owner.ts).
 */
export const protectedProcedure = base.use(({ context, next }) => {
  if (!context.session) {
    throw new ORPCError("UNAUTHORIZED", { message: "Sign in to continue." });
  }
  const { user } = context.session;
  const owner: Owner = { db: context.db, userId: user.id };
  return next({ context: { session: context.session, user, owner } });
});

/** Signed-in admins only (FORBIDDEN, HTTP 403, for everyone else signed in). */
export const adminProcedure = protectedProcedure.use(({ context, next }) => {
  if (context.user.role !== "admin") {
    throw new ORPCError("FORBIDDEN", { message: "Only admins can do that." });
  }
  return next();
});
