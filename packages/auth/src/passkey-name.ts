import { z } from "zod";

export const PASSKEY_NAME_MAX_LENGTH = 60;

/**
 * What people call a passkey in the list ("Work laptop"). One rule for the settings form and
 * Better Auth's passkey endpoints (account-hooks.ts), which would store any length themselves.
 */
const TOO_LONG = `Use at most ${PASSKEY_NAME_MAX_LENGTH} characters.`;

export const passkeyNameSchema = z
  .string()
  // The length as sent first, spaces included: Better Auth stores the name untrimmed.
  .max(PASSKEY_NAME_MAX_LENGTH, TOO_LONG)
  .trim()
  .min(1, "Give the passkey a name.");
