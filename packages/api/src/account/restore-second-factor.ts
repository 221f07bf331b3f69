import {
  clearSecondFactorFailures,
  recordSecondFactorFailure,
  redeemBackupCode,
  redeemTotpCode,
  secondFactorLockSeconds,
} from "@checkmark/auth";
import { passwordAttemptKey } from "@checkmark/auth/password-attempt-key";
import { schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import type { Context } from "../context";
import { RETRY_AFTER_SECONDS } from "../errors";

// The email restore of an account that had two-factor on asks for a code of that second
// factor, if it is still the one on (ADR 135): the link proves the old mailbox, the code the owner.

export type SecondFactorProof =
  | { ok: true }
  | { ok: false; wrongCode: string }
  | { ok: false; tooMany: string; retryAfterSeconds: number };

/**
 * The account's second factor now, turned on with its secret stored: the id of its `two_factor`
 * row, or null. Better Auth deletes the row when two-factor is turned off and makes a new one
 * when it is turned on again, so the id tells one factor from a later one.
 */
export async function secondFactorId(context: Context, userId: string): Promise<string | null> {
  const row = await context.db
    .select({ on: schema.user.twoFactorEnabled, id: schema.twoFactor.id })
    .from(schema.user)
    .leftJoin(schema.twoFactor, eq(schema.twoFactor.userId, schema.user.id))
    .where(eq(schema.user.id, userId))
    .get();
  return row?.on && row.id ? row.id : null;
}

const SIX_DIGITS = /^\d{6}$/;

/**
 * Checks `code`, from the authenticator app (six digits) or a backup code, and uses it up.
 * Guessing meets the same limits as at sign-in's second step: each try spends the account's one
 * password budget (ADR 112), and wrong codes count toward the second factor's own lockout
 * (10 in a row lock it for 15 minutes, ADR 070), which a locked account obeys here too.
 */
export async function proveSecondFactor(
  context: Context,
  userId: string,
  code: string,
): Promise<SecondFactorProof> {
  const lockedFor = await secondFactorLockSeconds(context.db, userId);
  if (lockedFor > 0) {
    const minutes = Math.ceil(lockedFor / 60);
    return {
      ok: false,
      tooMany: `Too many wrong codes for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfterSeconds: lockedFor,
    };
  }
  const { success } = await context.passwordLimiter.limit({ key: passwordAttemptKey.user(userId) });
  if (!success) {
    return {
      ok: false,
      tooMany: "Too many tries for this account. Wait a minute, then try again.",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  }
  const { secretConfig } = await context.auth.$context;
  const digits = code.replace(/\s+/g, "");
  if (SIX_DIGITS.test(digits)) {
    const totp = await redeemTotpCode(context.db, secretConfig, userId, digits);
    // A code seen before is no guess: refused, but not counted toward the lockout (as at sign-in).
    if (totp === "already-used") {
      return {
        ok: false,
        wrongCode: "This code was already used. Wait for the next one in your app.",
      };
    }
    if (totp === "accepted") {
      await clearSecondFactorFailures(context.db, userId);
      return { ok: true };
    }
  } else if (await redeemBackupCode(context.db, secretConfig, userId, code.trim())) {
    await clearSecondFactorFailures(context.db, userId);
    return { ok: true };
  }
  await recordSecondFactorFailure(context.db, userId);
  return {
    ok: false,
    wrongCode:
      "That code is not right. Type the current code from your authenticator app, or a backup code you have not used.",
  };
}
