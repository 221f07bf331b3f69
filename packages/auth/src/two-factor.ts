import type { Database } from "@checkmark/db";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import { generateBackupCodes } from "./backup-codes";
import { redeemTotpCode, SECOND_FACTOR_LOCKOUT, TOTP_PERIOD_SECONDS } from "./second-factor";

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
    // Codes without look-alike characters (backup-codes.ts).
    backupCodeOptions: { customBackupCodesGenerate: () => generateBackupCodes() },
    totpOptions: { period: TOTP_PERIOD_SECONDS },
    accountLockout: { enabled: true, ...SECOND_FACTOR_LOCKOUT },
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

/**
 * Each TOTP code is accepted once (RFC 6238, section 5.2). Better Auth's plugin accepts the
 * same code again within its window, so before it runs, this uses the code up (`redeemTotpCode`,
 * the one TOTP check, shared with the email restore) and refuses one already used. A wrong
 * code is left to the plugin, which counts it toward the lockout.
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
            const key = ctx.context.secretConfig;
            if ((await redeemTotpCode(db, key, userId, code)) === "already-used") {
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
