import { z } from "zod";

/** A six-digit code from an authenticator app; spaces people type are dropped. */
export const totpCodeSchema = z
  .string()
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app."));

/** One of the backup codes shown when two-factor sign-in was turned on. */
export const backupCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter one of your backup codes.")
  .max(64, "That is not a backup code.");

// Better Auth's passkey endpoints apply the same rule (packages/auth account-hooks.ts).
export { passkeyNameSchema } from "@checkmark/auth/passkey-name";

export const twoFactorStatusSchema = z.object({ enabled: z.boolean() });
