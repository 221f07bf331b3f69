import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nameProblem } from "./name-policy";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

const acceptablePassword = (password: unknown) =>
  typeof password === "string" &&
  password.length >= PASSWORD_MIN_LENGTH &&
  password.length <= PASSWORD_MAX_LENGTH;

const PATHS_WITH_A_NAME = new Set(["/sign-up/email", "/update-user"]);

/**
 * Endpoints that change how the account signs in or who it is. An admin acting as the user
 * (impersonation, one hour, audited) may not call them: a passkey, a password or a second
 * factor would let them back in after the hour. Prefixes, so a new endpoint of these plugins
 * is covered; the sign-in steps under them (no session yet) and the one read (the settings page
 * lists passkeys while an admin looks) are listed apart.
 */
const CREDENTIAL_PATHS = [
  "/change-",
  "/set-password",
  "/update-user",
  "/delete-user",
  "/revoke-",
  "/passkey/",
  "/two-factor/",
];
const CHANGING_NOTHING = new Set([
  "/passkey/list-user-passkeys",
  "/passkey/generate-authenticate-options",
  "/passkey/verify-authentication",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
]);
const changesCredentials = (path: string) =>
  !CHANGING_NOTHING.has(path) && CREDENTIAL_PATHS.some((prefix) => path.startsWith(prefix));

/**
 * Rules Better Auth's endpoints do not enforce on their own, applied before they run:
 * - the display name is bounded on the server too (it goes into mail to any address);
 * - a sign-up for an address whose account was never confirmed replaces that account, so
 *   only the newest sign-up's password can be confirmed, and earlier links stop working;
 * - changing a password always signs out every other device, whatever the client asks;
 * - with DISABLE_SIGN_UP=true, public sign-up answers 403 saying why (admins create accounts
 *   through admin.users.create, which does not use this endpoint);
 * - an impersonation session cannot change the account's credentials or profile.
 */
export const accountHooks = (options: { signUpDisabled: boolean }) =>
  createAuthMiddleware(async (ctx) => {
    if (options.signUpDisabled && ctx.path === "/sign-up/email") {
      throw new APIError("FORBIDDEN", {
        code: "SIGN_UP_DISABLED",
        message: "Sign-up is closed. Ask an admin to create an account for you.",
      });
    }
    if (changesCredentials(ctx.path)) {
      const current = await getSessionFromCtx(ctx);
      if (current?.session.impersonatedBy) {
        throw new APIError("FORBIDDEN", {
          code: "IMPERSONATING",
          message:
            "While acting as this user, their sign-in methods and profile cannot be changed.",
        });
      }
    }
    const body =
      ctx.body && typeof ctx.body === "object" ? (ctx.body as Record<string, unknown>) : null;
    if (!body) return;

    if (PATHS_WITH_A_NAME.has(ctx.path) && (ctx.path === "/sign-up/email" || "name" in body)) {
      const problem = nameProblem(body.name);
      if (problem) throw new APIError("BAD_REQUEST", { code: "INVALID_NAME", message: problem });
    }

    // Only a sign-up that Better Auth will accept may replace anything.
    if (
      ctx.path === "/sign-up/email" &&
      typeof body.email === "string" &&
      acceptablePassword(body.password)
    ) {
      const existing = await ctx.context.internalAdapter.findUserByEmail(body.email);
      // Nobody has signed in to an unconfirmed account, so it holds nothing to lose.
      if (existing && !existing.user.emailVerified) {
        await ctx.context.internalAdapter.deleteUser(existing.user.id);
      }
    }

    if (ctx.path === "/change-password") {
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
  });
