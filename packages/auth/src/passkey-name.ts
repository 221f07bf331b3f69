import { z } from "zod";

export const PASSKEY_NAME_MAX_LENGTH = 60;

/**
 * What people call a passkey in the list ("Work laptop"). One rule for the settings form and
 * Better Auth's passkey endpoints (account-hooks.ts), which would store any length themselves.
 */
export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the passkey a name.")
  .max(PASSKEY_NAME_MAX_LENGTH, `Use at most ${PASSKEY_NAME_MAX_LENGTH} characters.`);
