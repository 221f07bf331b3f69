import type { Auth } from "@checkmark/auth";

/**
 * Whether `password` is the account's own, checked with Better Auth's hasher (scrypt). An
 * account without a password (none today; later passkey-only ones) never matches.
 */
export async function isAccountPassword(auth: Auth, userId: string, password: string) {
  const context = await auth.$context;
  const accounts = await context.internalAdapter.findAccounts(userId);
  const hash = accounts.find((account) => account.providerId === "credential")?.password;
  return hash ? context.password.verify({ hash, password }) : false;
}

/** Whether the account has a password at all (else a fresh sign-in stands in for it). */
export async function hasPassword(auth: Auth, userId: string) {
  const context = await auth.$context;
  const accounts = await context.internalAdapter.findAccounts(userId);
  return accounts.some((account) => account.providerId === "credential" && account.password);
}

/** The typed refusal for a wrong password, shown at the form's `password` field. */
export function wrongPasswordRefusal() {
  const message = "That is not your password.";
  return { message, data: { issues: [{ message, path: ["password"] }] } };
}
