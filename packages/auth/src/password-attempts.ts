import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { passwordAttemptKey } from "./password-attempt-key";

/** The window of PASSWORD_LIMITER (apps/server/wrangler.jsonc): one whole window is always enough. */
export const PASSWORD_ATTEMPT_WINDOW_SECONDS = 60;

/** Better Auth's refusal, in its own error shape, like its other 429s (two-factor lockout). */
export function tooManyPasswordAttempts() {
  return new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: "TOO_MANY_PASSWORD_ATTEMPTS",
      message: "Too many password attempts for this account. Wait a minute, then try again.",
    },
    { "Retry-After": String(PASSWORD_ATTEMPT_WINDOW_SECONDS) },
  );
}

/**
 * Where the budget is counted. A getter, read on each check: a binding object taken from `env`
 * belongs to the request that read it, and Better Auth outlives requests (one per env), so a
 * captured one hangs the next request that uses it.
 */
export type PasswordLimiterOf = () => RateLimit;

/** Counts one password check against `key`; throws the refusal once the budget is spent. */
export async function spendPasswordAttempt(limiter: PasswordLimiterOf, key: string) {
  const { success } = await limiter().limit({ key });
  if (!success) throw tooManyPasswordAttempts();
}

/**
 * Better Auth's endpoints that check the signed-in user's password, for the plugins auth.ts
 * configures (passkey endpoints check none). Exact paths: Better Auth hands hooks the
 * endpoint's own path, whatever spelling the request used.
 */
const SIGNED_IN_PASSWORD_PATHS = new Set([
  "/change-password",
  "/verify-password",
  "/delete-user",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/get-totp-uri",
  "/two-factor/generate-backup-codes",
]);
const SIGN_IN_PATH = "/sign-in/email";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

async function budgetKeyOf(ctx: HookContext): Promise<string | null> {
  if (ctx.path === SIGN_IN_PATH) {
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    // Anything else is refused by the endpoint's own validation, before any password check.
    return typeof email === "string" ? passwordAttemptKey.email(email) : null;
  }
  // Without a session these endpoints answer 401 and check nothing.
  const session = await getSessionFromCtx(ctx);
  return session ? passwordAttemptKey.user(session.user.id) : null;
}

/**
 * Limits password guesses per account, whichever addresses they come from (the per-IP limits
 * alone let a guesser spread over many addresses). Runs before the endpoint, so a refused
 * attempt never reaches the hash: the right password gets the same 429 as a wrong one.
 */
export const passwordAttemptLimit = (limiter: PasswordLimiterOf) =>
  ({
    id: "password-attempt-limit",
    hooks: {
      before: [
        {
          matcher: (ctx) =>
            ctx.path === SIGN_IN_PATH || SIGNED_IN_PASSWORD_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const key = await budgetKeyOf(ctx);
            if (key) await spendPasswordAttempt(limiter, key);
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
