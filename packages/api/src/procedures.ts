import { ORPCError, os } from "@orpc/server";
import type { Context } from "./context";

const base = os.$context<Context>();

export const publicProcedure = base;

/** Refuses calls without a session (UNAUTHORIZED, HTTP 401) and hands on a non-null user. */
export const protectedProcedure = base.use(({ context, next }) => {
  if (!context.session) {
    throw new ORPCError("UNAUTHORIZED", { message: "Sign in to continue." });
  }
  return next({ context: { session: context.session, user: context.session.user } });
});

/** Signed-in admins only (FORBIDDEN, HTTP 403, for everyone else signed in). */
export const adminProcedure = protectedProcedure.use(({ context, next }) => {
  if (context.user.role !== "admin") {
    throw new ORPCError("FORBIDDEN", { message: "Only admins can do that." });
  }
  return next();
});
