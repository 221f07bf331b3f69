import { createOTP } from "@better-auth/utils/otp";
import { type Database, schema } from "@checkmark/db";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";
import { twoFactor } from "better-auth/plugins/two-factor";
import { and, eq, isNull, lt, or } from "drizzle-orm";

const TOTP_PERIOD_SECONDS = 30;
/** Codes one step either side of now are accepted (clock drift), as Better Auth does. */
const TOTP_WINDOW_STEPS = 1;

/**
 * Better Auth's two-factor plugin, set up for Checkmark: TOTP from an authenticator app, ten
 * backup codes, a trusted device for 30 days, and the account's second factor locked for
 * 15 minutes after 10 wrong codes in a row from any IP (per account, so spreading guesses
 * over many IPs does not help; the per-IP limits are in rate-limits.ts).
 */
export const twoFactorSignIn = () =>
  twoFactor({
    issuer: "Checkmark",
    trustDeviceMaxAge: 60 * 60 * 24 * 30,
    backupCodeOptions: { amount: 10 },
    totpOptions: { period: TOTP_PERIOD_SECONDS },
    accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 15 * 60 },
  });

/** The user a TOTP check is for: the signed-in one (turning it on) or the one mid sign-in. */
async function userIdOfTotpCheck(ctx: Parameters<Parameters<typeof createAuthMiddleware>[0]>[0]) {
  const session = await getSessionFromCtx(ctx);
  if (session) return session.user.id;
  const cookie = ctx.context.createAuthCookie("two_factor");
  const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!challenge) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
  return pending && pending.expiresAt > new Date() ? pending.value : null;
}

/** The time step whose code this is, or null when it matches none in the window. */
async function matchingStep(secret: string, code: string): Promise<number | null> {
  const otp = createOTP(secret, { period: TOTP_PERIOD_SECONDS });
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  for (let offset = TOTP_WINDOW_STEPS; offset >= -TOTP_WINDOW_STEPS; offset--) {
    if ((await otp.hotp(now + offset)) === code) return now + offset;
  }
  return null;
}

/**
 * Each TOTP code is accepted once (RFC 6238, section 5.2). Better Auth's plugin accepts the
 * same code again within its window, so before it runs, this finds the time step the code
 * belongs to and moves the user's last used step forward in one conditional update; a code
 * for that step or an earlier one is refused. A wrong code is left to the plugin, which
 * counts it toward the lockout.
 */
export const totpReplayGuard = (db: Database) =>
  ({
    id: "totp-replay-guard",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== "string") return;
            const userId = await userIdOfTotpCheck(ctx);
            if (!userId) return;
            const [row] = await db
              .select({ secret: schema.twoFactor.secret })
              .from(schema.twoFactor)
              .where(eq(schema.twoFactor.userId, userId));
            if (!row) return;
            const secret = await symmetricDecrypt({
              key: ctx.context.secretConfig,
              data: row.secret,
            });
            const step = await matchingStep(secret, code);
            if (step === null) return;
            const claimed = await db
              .update(schema.twoFactor)
              .set({ lastUsedStep: step })
              .where(
                and(
                  eq(schema.twoFactor.userId, userId),
                  or(
                    isNull(schema.twoFactor.lastUsedStep),
                    lt(schema.twoFactor.lastUsedStep, step),
                  ),
                ),
              )
              .returning({ id: schema.twoFactor.id });
            if (claimed.length === 0) {
              throw new APIError("UNAUTHORIZED", {
                code: "CODE_ALREADY_USED",
                message: "This code was already used. Wait for the next one in your app.",
              });
            }
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
