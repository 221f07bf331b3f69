import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

// Two-factor backup codes people can copy by hand: 32 symbols with no look-alikes (no 0 or O,
// no 1, I or l: upper case only, digits 2-9), 12 of them a code, so 60 random bits each, more
// than Better Auth's default (10 of 62 symbols, 59.5 bits). Shown as "ABCD-EFGH-JKMN".

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const SYMBOLS = 12;
const CODE = /^[A-HJ-NP-Z2-9]{12}$/;

/** Ten new backup codes (Better Auth's `customBackupCodesGenerate`). */
export function generateBackupCodes(amount = 10): string[] {
  // 32 symbols: 5 bits of each random byte pick one, with no bias.
  const bytes = crypto.getRandomValues(new Uint8Array(amount * SYMBOLS));
  return Array.from({ length: amount }, (_, index) => {
    const symbols = Array.from(
      bytes.subarray(index * SYMBOLS, (index + 1) * SYMBOLS),
      (byte) => ALPHABET[byte & 31],
    ).join("");
    return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
  });
}

/**
 * A typed backup code as it is stored: one of these codes typed in lower case, with spaces or
 * without its dashes is the same code. Anything else (codes made before these, kept as typed)
 * is only trimmed.
 */
export function normalizeBackupCode(typed: string): string {
  const symbols = typed.replace(/[\s-]/g, "").toUpperCase();
  if (!CODE.test(symbols)) return typed.trim();
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** Before Better Auth checks a backup code at sign-in, the code as stored (normalizeBackupCode). */
export const backupCodeInput = () =>
  ({
    id: "backup-code-input",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-backup-code",
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { code?: unknown } | undefined;
            if (typeof body?.code !== "string") return;
            return { context: { body: { ...body, code: normalizeBackupCode(body.code) } } };
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
