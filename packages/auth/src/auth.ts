import { passkey } from "@better-auth/passkey";
import { createDb, schema } from "@checkmark/db";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
// The minimal build leaves out Kysely, which the Drizzle adapter makes dead weight.
import { type BetterAuthOptions, betterAuth } from "better-auth/minimal";
import { accountHooks } from "./account-hooks";
import { authLogger } from "./auth-logger";
import { backupCodeInput } from "./backup-codes";
import { type BannableUser, banRefusal } from "./ban";
import { confirmEmail } from "./confirm-email";
import { type AuthEnv, listOrigins } from "./env";
import { impersonation } from "./impersonation";
import {
  EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
  RESET_PASSWORD_LINK_LIFETIME_SECONDS,
} from "./link-lifetimes";
import { existingAccountMessage, resetPasswordMessage, verifyEmailMessage } from "./mail/messages";
import { queueMailer } from "./mail/queue-mailer";
import { passkeyRegistrationGrant } from "./passkey-registration-grant";
import {
  passkeySignInAsksForUserVerification,
  userVerifiedPasskeys,
} from "./passkey-user-verification";
import { passwordAttemptLimit } from "./password-attempts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { resetLinksOf } from "./pending-steps";
import { authRateLimit } from "./rate-limits";
import { sendWithinRecipientBudget } from "./recipient-mail-budget";
import { countryOf } from "./session-device";
import { totpReplayGuard, twoFactorSignIn } from "./two-factor";

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
  if (!env.BETTER_AUTH_URL && !env.AUTH_ALLOWED_HOSTS) {
    throw new Error(
      "BETTER_AUTH_URL is not set: set it to the web app's public origin (local runs get AUTH_ALLOWED_HOSTS from .dev.vars instead)",
    );
  }
  const db = createDb(env.DB);
  // Mail is queued; the server Worker's consumer delivers it (apps/server/src/mail-queue).
  const mailer = queueMailer(env.MAIL_QUEUE);
  const passwordLimiter = () => env.PASSWORD_LIMITER;
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
        twoFactor: schema.twoFactor,
        passkey: schema.passkey,
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
      // Better Auth uses up only the link that was followed; any other one (say, an intruder's
      // asked for while they held the address) would set the password again after the owner.
      onPasswordReset: async ({ user }) => {
        await db.delete(schema.verification).where(resetLinksOf(user.id));
      },
      // These three mail whatever address the request names, so each kind has a budget per
      // recipient (recipient-mail-budget.ts, ADR 139); the answers never say whether it was spent.
      sendResetPassword: ({ user, url }) =>
        sendWithinRecipientBudget(db, mailer, "reset-link", resetPasswordMessage(user, url)),
      // The owner of a taken email hears about the attempt; the person signing up does not.
      // An unconfirmed account is only still here when its confirmation mails are spent
      // (account-hooks.ts): its last link works, and there is no account to sign in to yet.
      onExistingUserSignUp: async ({ user }, request) => {
        if (!user.emailVerified) return;
        await sendWithinRecipientBudget(
          db,
          mailer,
          "sign-up-notice",
          existingAccountMessage(user, signInUrl(request)),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      expiresIn: EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
      // The link opens the web app's confirm page, which asks for the sign-up's password
      // (confirm-email.ts); Better Auth's link-only GET /verify-email is disabled below.
      sendVerificationEmail: ({ user, url, token }) =>
        sendWithinRecipientBudget(
          db,
          mailer,
          "confirm-link",
          verifyEmailMessage(user, confirmPageUrl(url, token)),
        ),
    },
    disabledPaths: ["/verify-email"],
    plugins: [
      // Per account, from any address (ADR 112); the per-IP limits are in rate-limits.ts.
      passwordAttemptLimit(passwordLimiter),
      confirmEmail(passwordLimiter),
      impersonation(),
      twoFactorSignIn(),
      totpReplayGuard(db),
      backupCodeInput(),
      // Relying party: BETTER_AUTH_URL's host in production, localhost in local runs. A passkey
      // skips the two-factor code, so it must be unlocked by PIN or biometrics (ADR 129).
      passkey({ rpName: "Checkmark", ...userVerifiedPasskeys }),
      passkeySignInAsksForUserVerification(),
      // Adding a passkey takes the password, not only a session (packages/api passkey router).
      passkeyRegistrationGrant(),
    ],
    user: {
      // Only set by an operator (npm run admin:create), never by sign-up or update-user.
      additionalFields: {
        role: { type: "string", defaultValue: "user", input: false },
        // Set only by admins (packages/api/src/admin); a ban also deletes every session.
        banned: { type: "boolean", defaultValue: false, input: false },
        banReason: { type: "string", required: false, input: false },
        banExpires: { type: "date", required: false, input: false },
      },
    },
    databaseHooks: {
      // Every way in (sign-in, confirming an address, a password reset) makes a session here.
      session: {
        create: {
          before: async (session, ctx) => {
            const found = await ctx?.context.internalAdapter.findUserById(session.userId);
            const refusal = found && banRefusal(found as BannableUser);
            if (refusal) throw new APIError("FORBIDDEN", refusal);
            // For the devices list: where the sign-in came from (not an admin's country when they
            // act as the user: impersonation.ts), and seen now.
            const impersonated = (session as { impersonatedBy?: string | null }).impersonatedBy;
            const country = impersonated ? null : countryOf(ctx?.request);
            return { data: { ...session, country, lastSeenAt: new Date() } };
          },
        },
        // An impersonation session keeps the hour it was given (ADR 045). Its "don't remember"
        // cookie normally stops Better Auth's daily slide; an admin who deletes that cookie must
        // not get a week, so the slide keeps the expiry it had.
        update: {
          before: async (update, ctx) => {
            const current = ctx?.context.session?.session as
              | { impersonatedBy?: string | null; expiresAt: Date }
              | undefined;
            if (!current?.impersonatedBy || !update.expiresAt) return;
            return { data: { ...update, expiresAt: current.expiresAt } };
          },
        },
      },
    },
    session: {
      additionalFields: {
        // The admin behind an impersonation session; audit rows made in it carry this id.
        impersonatedBy: { type: "string", required: false, input: false },
        // Shown in the devices list (packages/api/src/device).
        country: { type: "string", required: false, input: false },
        lastSeenAt: { type: "date", required: false, input: false },
      },
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: every request reads its session row, so sign-out, a password change
      // or reset, or a ban ends a session on its very next request (ADR 008).
      cookieCache: { enabled: false },
    },
    rateLimit: authRateLimit,
    hooks: { before: accountHooks({ signUpDisabled: env.DISABLE_SIGN_UP === "true", db }) },
    logger: authLogger,
    advanced: {
      // Cloudflare sets this header itself; clients cannot forge it past the edge.
      // IPv6 clients are counted per /64, as one household or host usually holds one.
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"], ipv6Subnet: 64 },
      // Mail is sent after the response, so answers take the same time for known and unknown emails.
      backgroundTasks: scope
        ? { handler: (task: Promise<unknown>) => scope.waitUntil(task) }
        : undefined,
    },
  } satisfies BetterAuthOptions;
}

function confirmPageUrl(verifyUrl: string, token: string): string {
  const page = new URL("/confirm-email", new URL(verifyUrl).origin);
  page.searchParams.set("token", token);
  return page.toString();
}

function signInUrl(request: Request | undefined): string {
  return request ? new URL("/sign-in", request.url).toString() : "/sign-in";
}

/** Better Auth for a Worker's env. Safe to share across requests: it resolves the base URL per request. */
export function createAuth(env: AuthEnv, scope?: AuthRequestScope) {
  return betterAuth(authOptions(env, scope));
}

export type Auth = ReturnType<typeof createAuth>;
