import { createDb, schema } from "@checkmark/db";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware } from "better-auth/api";
// The minimal build leaves out Kysely, which the Drizzle adapter makes dead weight.
import { type BetterAuthOptions, betterAuth } from "better-auth/minimal";
import { type AuthEnv, listOrigins } from "./env";
import {
  EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
  RESET_PASSWORD_LINK_LIFETIME_SECONDS,
} from "./link-lifetimes";
import { createMailer } from "./mail/create-mailer";
import { existingAccountMessage, resetPasswordMessage, verifyEmailMessage } from "./mail/messages";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { authRateLimit } from "./rate-limits";

/** How auth hands the Worker work that may finish after the response (mail). */
export interface AuthRequestScope {
  waitUntil(promise: Promise<unknown>): void;
}

function authOptions(env: AuthEnv, scope: AuthRequestScope | undefined) {
  if (!env.BETTER_AUTH_SECRET) {
    throw new Error(
      "BETTER_AUTH_SECRET is not set: run `npm start` once locally, or `wrangler secret put BETTER_AUTH_SECRET` in production",
    );
  }
  const db = createDb(env.DB);
  const mailer = createMailer(env, db);
  return {
    appName: "Checkmark",
    secret: env.BETTER_AUTH_SECRET,
    // Production names its one public origin; locally the request's host is used when it is
    // on the allowlist, so the dev server, the test server and direct calls all work.
    baseURL: env.BETTER_AUTH_URL || {
      allowedHosts: listOrigins(env.AUTH_ALLOWED_HOSTS),
      protocol: "auto",
    },
    trustedOrigins: listOrigins(env.TRUSTED_ORIGINS),
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // Also makes sign-up answer the same for a taken email as for a new one.
      requireEmailVerification: true,
      resetPasswordTokenExpiresIn: RESET_PASSWORD_LINK_LIFETIME_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => mailer.send(resetPasswordMessage(user, url)),
      // The owner of a taken email hears about the attempt; the person signing up does not.
      onExistingUserSignUp: ({ user }, request) =>
        mailer.send(existingAccountMessage(user, signInUrl(request))),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
      sendVerificationEmail: ({ user, url }) => mailer.send(verifyEmailMessage(user, url)),
    },
    user: {
      // Only set by an operator (scripts/grant-admin.sh), never by sign-up or update-user.
      additionalFields: { role: { type: "string", defaultValue: "user", input: false } },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // A signed cookie carries the session for 5 minutes, so most requests read no
      // session row from D1. A revoked session can live on for at most that long.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    rateLimit: authRateLimit,
    hooks: {
      // Changing a password always signs out every other device, whatever the client asks.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/change-password" && ctx.body && typeof ctx.body === "object") {
          return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
        }
      }),
    },
    advanced: {
      // Cloudflare sets this header itself; clients cannot forge it past the edge.
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
      // Mail is sent after the response, so answers take the same time for known and unknown emails.
      backgroundTasks: scope
        ? { handler: (task: Promise<unknown>) => scope.waitUntil(task) }
        : undefined,
    },
  } satisfies BetterAuthOptions;
}

function signInUrl(request: Request | undefined): string {
  return request ? new URL("/sign-in", request.url).toString() : "/sign-in";
}

/** Better Auth for a Worker's env. Safe to share across requests: it resolves the base URL per request. */
export function createAuth(env: AuthEnv, scope?: AuthRequestScope) {
  return betterAuth(authOptions(env, scope));
}

export type Auth = ReturnType<typeof createAuth>;
