import { passwordAttemptKey } from "@checkmark/auth/password-attempt-key";
import { os } from "@orpc/server";
import type { Context } from "./context";
import { baseErrors, RETRY_AFTER_SECONDS } from "./errors";
import { bulkRefusals, withinBulkBudget } from "./shared/bulk-budget";
import type { Owner } from "./shared/owner";

/**
 * What a procedure does, for API keys: a read-only key may call `read` procedures only.
 * Fail-safe: every procedure counts as a write unless it says `.meta({ access: "read" })`,
 * so a new procedure is closed to read-only keys until someone decides it only reads.
 */
export interface ProcedureMeta {
  access: "read" | "write";
}

const API_KEY_REFUSED =
  "This API key is not valid: it was revoked, has expired or is mistyped. Make a new one on the settings page.";

const base = os
  .$context<Context>()
  .$meta<ProcedureMeta>({ access: "write" })
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

/**
 * Refuses calls without a session (UNAUTHORIZED, HTTP 401) and hands on a non-null user, and the
 * `owner` every query on the user's own rows goes through (shared/owner.ts).
 */
export const protectedProcedure = base.use(({ context, next, errors, procedure }) => {
  if (!context.session) {
    // A program with a dead key should hear about its key, not be told to sign in.
    throw context.apiKeyRejected
      ? errors.UNAUTHORIZED({ message: API_KEY_REFUSED })
      : errors.UNAUTHORIZED();
  }
  // An API key limited to reads may not call a procedure that changes anything.
  if (context.readOnly && procedure["~orpc"].meta.access === "write") {
    throw errors.FORBIDDEN({ message: "This API key may only read." });
  }
  const { user } = context.session;
  const owner: Owner = { db: context.db, userId: user.id };
  return next({ context: { session: context.session, user, owner } });
});

/**
 * For procedures that may write thousands of rows: spends one of the user's bulk writes
 * (ADR 138) and answers the typed TOO_MANY_REQUESTS once they are spent. `.use()` it after
 * `.input()`, so input that fails validation spends nothing.
 */
export function bulkWriteBudget(kind: keyof typeof bulkRefusals) {
  return os
    .$context<{ user: { id: string }; bulkLimiter: RateLimit }>()
    .errors({ TOO_MANY_REQUESTS: baseErrors.TOO_MANY_REQUESTS })
    .middleware(async ({ context, next, errors }) => {
      if (!(await withinBulkBudget(context.bulkLimiter, context.user.id))) {
        throw errors.TOO_MANY_REQUESTS(bulkRefusals[kind]);
      }
      return next();
    });
}

/**
 * A protected procedure on one kind of owned thing. A missing row and another user's row are
 * the same NOT_FOUND (shared/owner.ts), named after the thing, e.g. "That todo does not exist."
 */
export function ownedThingProcedure(thing: string) {
  return protectedProcedure.errors({ NOT_FOUND: { message: `That ${thing} does not exist.` } });
}

/**
 * Signed in with the session cookie, not an API key: what manages the account itself (keys,
 * address, deletion) stays with the person, never with a program holding a key. Nor with an
 * admin acting as the person: impersonation is bounded to an hour and audited (ADR 045), and a
 * key, a new address or a deleted account would outlast it, so it may look but not change.
 */
export const sessionProcedure = protectedProcedure.use(({ context, next, errors, procedure }) => {
  if (context.apiKeyId) {
    throw errors.FORBIDDEN({ message: "Do this from the settings page; API keys may not." });
  }
  if (context.session.session.impersonatedBy && procedure["~orpc"].meta.access === "write") {
    throw errors.FORBIDDEN({
      message: "While acting as this user, their account settings are read-only.",
    });
  }
  return next();
});

/**
 * A session procedure that checks the account's password (email change, deletion). It spends the
 * account's one password budget, like sign-in and Better Auth's own password checks (ADR 112):
 * otherwise a stolen session could guess the password at the general /rpc rate, batches
 * included, and a wrong-password answer would confirm each guess.
 */
export const passwordCheckProcedure = sessionProcedure.use(async ({ context, next, errors }) => {
  const { success } = await context.passwordLimiter.limit({
    key: passwordAttemptKey.user(context.user.id),
  });
  if (!success) {
    throw errors.TOO_MANY_REQUESTS({ data: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
  }
  return next();
});

/**
 * Signed-in admins only (FORBIDDEN, HTTP 403, for everyone else signed in), in person: an
 * admin's API key is a program's credential and never carries admin powers (a leaked script
 * key must not ban users or make admins).
 */
export const adminProcedure = protectedProcedure.use(({ context, next, errors }) => {
  if (context.user.role !== "admin")
    throw errors.FORBIDDEN({ message: "Only admins can do that." });
  if (context.apiKeyId) {
    throw errors.FORBIDDEN({ message: "Admin pages are for admins in person, not API keys." });
  }
  // Acting as someone else never carries admin powers, even if the target became an admin.
  if (context.session.session.impersonatedBy) {
    throw errors.FORBIDDEN({ message: "Stop acting as this user to use the admin pages." });
  }
  return next();
});
