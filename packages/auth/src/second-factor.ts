import { createOTP } from "@better-auth/utils/otp";
import { type Database, schema } from "@checkmark/db";
import { type SecretConfig, symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { and, eq, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import { normalizeBackupCode } from "./backup-codes";

// Checking a code of the account's own second factor (its authenticator app or a backup code)
// outside Better Auth's endpoints, on the rows its two-factor plugin keeps: the sign-in replay
// guard (two-factor.ts) and the "this wasn't me" email restore (packages/api) use these.

export const TOTP_PERIOD_SECONDS = 30;
/** Codes one step either side of now are accepted (clock drift), as Better Auth does. */
const TOTP_WINDOW_STEPS = 1;

/** The per-account lockout (ADR 070): 10 wrong codes in a row, from anywhere, lock 15 minutes. */
export const SECOND_FACTOR_LOCKOUT = { maxFailedAttempts: 10, durationSeconds: 15 * 60 } as const;

/** The key Better Auth encrypts the TOTP secret and backup codes with (`$context.secretConfig`). */
export type SecondFactorKey = string | SecretConfig;

const ofUser = (userId: string) => eq(schema.twoFactor.userId, userId);

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
 * Checks a code from the user's authenticator app and, when it is right, uses it up: each code
 * is accepted once (RFC 6238, section 5.2). The user's last used step moves forward in one
 * conditional update, so two requests racing with one code cannot both pass; a code for that
 * step or an earlier one is `already-used`. `wrong` also covers an account without the factor.
 */
export async function redeemTotpCode(
  db: Database,
  key: SecondFactorKey,
  userId: string,
  code: string,
): Promise<"accepted" | "already-used" | "wrong"> {
  const row = await db
    .select({ secret: schema.twoFactor.secret })
    .from(schema.twoFactor)
    .where(ofUser(userId))
    .get();
  if (!row) return "wrong";
  const step = await matchingStep(await symmetricDecrypt({ key, data: row.secret }), code);
  if (step === null) return "wrong";
  const claimed = await db
    .update(schema.twoFactor)
    .set({ lastUsedStep: step })
    .where(
      and(
        ofUser(userId),
        or(isNull(schema.twoFactor.lastUsedStep), lt(schema.twoFactor.lastUsedStep, step)),
      ),
    )
    .returning({ id: schema.twoFactor.id });
  return claimed.length > 0 ? "accepted" : "already-used";
}

/**
 * Checks one of the user's backup codes and, when it is one, takes it out of the list, as
 * Better Auth's /two-factor/verify-backup-code does: the list is encrypted JSON, rewritten only
 * if nobody rewrote it since it was read (so one code cannot be spent twice at once).
 */
export async function redeemBackupCode(
  db: Database,
  key: SecondFactorKey,
  userId: string,
  typed: string,
): Promise<boolean> {
  const code = normalizeBackupCode(typed);
  const row = await db
    .select({ id: schema.twoFactor.id, backupCodes: schema.twoFactor.backupCodes })
    .from(schema.twoFactor)
    .where(ofUser(userId))
    .get();
  if (!row) return false;
  const codes: unknown = JSON.parse(await symmetricDecrypt({ key, data: row.backupCodes }));
  if (!Array.isArray(codes) || !codes.includes(code)) return false;
  const rest = await symmetricEncrypt({
    key,
    data: JSON.stringify(codes.filter((kept) => kept !== code)),
  });
  const rewritten = await db
    .update(schema.twoFactor)
    .set({ backupCodes: rest })
    .where(and(eq(schema.twoFactor.id, row.id), eq(schema.twoFactor.backupCodes, row.backupCodes)))
    .returning({ id: schema.twoFactor.id });
  return rewritten.length > 0;
}

/**
 * Seconds left of the account's second-factor lockout, or 0. A lock that has run out is
 * cleared, count and all, as Better Auth does before a sign-in's code check.
 */
export async function secondFactorLockSeconds(db: Database, userId: string): Promise<number> {
  const row = await db
    .select({ lockedUntil: schema.twoFactor.lockedUntil })
    .from(schema.twoFactor)
    .where(ofUser(userId))
    .get();
  if (!row?.lockedUntil) return 0;
  const left = row.lockedUntil.getTime() - Date.now();
  if (left > 0) return Math.ceil(left / 1000);
  await db
    .update(schema.twoFactor)
    .set({ failedVerificationCount: 0, lockedUntil: null })
    .where(and(ofUser(userId), lte(schema.twoFactor.lockedUntil, new Date())));
  return 0;
}

/** One wrong code toward the lockout, counted in one statement; the tenth in a row locks. */
export async function recordSecondFactorFailure(db: Database, userId: string) {
  const [counted] = await db
    .update(schema.twoFactor)
    .set({ failedVerificationCount: sql`${schema.twoFactor.failedVerificationCount} + 1` })
    .where(ofUser(userId))
    .returning({ failed: schema.twoFactor.failedVerificationCount });
  if (!counted || counted.failed < SECOND_FACTOR_LOCKOUT.maxFailedAttempts) return;
  await db
    .update(schema.twoFactor)
    .set({ lockedUntil: new Date(Date.now() + SECOND_FACTOR_LOCKOUT.durationSeconds * 1000) })
    .where(
      and(
        ofUser(userId),
        gte(schema.twoFactor.failedVerificationCount, SECOND_FACTOR_LOCKOUT.maxFailedAttempts),
      ),
    );
}

/** A right code ends the run of wrong ones ("in a row"). */
export async function clearSecondFactorFailures(db: Database, userId: string) {
  await db
    .update(schema.twoFactor)
    .set({ failedVerificationCount: 0, lockedUntil: null })
    .where(ofUser(userId));
}
