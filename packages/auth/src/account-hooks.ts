import type { Database } from "@checkmark/db";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { EMAIL_MAX_LENGTH } from "./email-policy";
import { nameProblem } from "./name-policy";
import { passkeyNameSchema } from "./passkey-name";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { recipientBudgetHasRoom } from "./recipient-mail-budget";

const acceptablePassword = (password: unknown) =>
  typeof password === "string" &&
  password.length >= PASSWORD_MIN_LENGTH &&
  password.length <= PASSWORD_MAX_LENGTH;

const PATHS_WITH_A_NAME = new Set(["/sign-up/email", "/update-user"]);
const PATHS_WITH_A_PASSKEY_NAME = new Set([
  "/passkey/verify-registration",
  "/passkey/update-passkey",
]);

/**
 * Endpoints that change how the account signs in or who it is. An admin acting as the user
 * (impersonation, one hour, audited) may not call them: a passkey, a password or a second
 * factor would let them back in after the hour. Prefixes, so a new endpoint of these plugins
 * is covered; the passkey sign-in steps (no session yet) and the one read (the settings page
 * lists passkeys while an admin looks) are listed apart. The two-factor code checks are not:
 * with a session they turn two-factor on or spend a backup code, and as a sign-in step they
 * carry no session, so the refusal only ever meets an impersonation.
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
]);
const changesCredentials = (path: string) =>
  !CHANGING_NOTHING.has(path) && CREDENTIAL_PATHS.some((prefix) => path.startsWith(prefix));

/**
 * Rules Better Auth's endpoints do not enforce on their own, applied before they run:
 * - the display name is bounded on the server too (it goes into mail to any address);
 * - a sign-up for an address whose account was never confirmed replaces that account, so
 *   only the newest sign-up's password can be confirmed, and earlier links stop working
 *   (unless the address's confirmation mails are spent: then nothing is replaced);
 * - changing a password always signs out every other device, whatever the client asks;
 * - with DISABLE_SIGN_UP=true, public sign-up answers 403 saying why (admins create accounts
 *   through admin.users.create, which does not use this endpoint);
 * - an impersonation session cannot change the account's credentials or profile;
 * - what these endpoints store is bounded: no profile image (the app shows none, and Better
 *   Auth takes any length), an address SMTP can deliver to, passkey names as the form's;
 * - Better Auth's session list, which hands out every session's raw token, is not offered
 *   (the devices list, packages/api/src/device, shows sessions without their tokens).
 */
export const accountHooks = (options: { signUpDisabled: boolean; db: Database }) =>
  createAuthMiddleware(async (ctx) => {
    if (options.signUpDisabled && ctx.path === "/sign-up/email") {
      throw new APIError("FORBIDDEN", {
        code: "SIGN_UP_DISABLED",
        message: "Sign-up is closed. Ask an admin to create an account for you.",
      });
    }
    if (ctx.path === "/list-sessions") {
      throw new APIError("NOT_FOUND", {
        code: "LIST_SESSIONS_NOT_OFFERED",
        message: "Sessions are listed under Settings, Devices.",
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
    // Null clears the field; anything else would be stored as sent, of any size.
    if (PATHS_WITH_A_NAME.has(ctx.path) && body.image != null) {
      throw new APIError("BAD_REQUEST", {
        code: "PROFILE_IMAGE_NOT_SUPPORTED",
        message: "Checkmark has no profile pictures. Leave out the image.",
      });
    }
    if (
      ctx.path === "/sign-up/email" &&
      typeof body.email === "string" &&
      body.email.length > EMAIL_MAX_LENGTH
    ) {
      throw new APIError("BAD_REQUEST", {
        code: "EMAIL_TOO_LONG",
        message: `Use an email address of at most ${EMAIL_MAX_LENGTH} characters.`,
      });
    }
    // Optional on registration (Better Auth then stores none); required to rename.
    if (
      PATHS_WITH_A_PASSKEY_NAME.has(ctx.path) &&
      (ctx.path === "/passkey/update-passkey" || body.name !== undefined)
    ) {
      const parsed = passkeyNameSchema.safeParse(body.name);
      if (!parsed.success) {
        throw new APIError("BAD_REQUEST", {
          code: "INVALID_PASSKEY_NAME",
          message: parsed.error.issues[0]?.message ?? "Give the passkey a name.",
        });
      }
    }

    // Only a sign-up that Better Auth will accept may replace anything.
    if (
      ctx.path === "/sign-up/email" &&
      typeof body.email === "string" &&
      acceptablePassword(body.password)
    ) {
      const existing = await ctx.context.internalAdapter.findUserByEmail(body.email);
      // Nobody has signed in to an unconfirmed account, so it holds nothing to lose. But once
      // the address's confirmation mails are spent (ADR 139), a replacement would kill the
      // links already mailed and send none: the account stays, and its last link still works.
      if (
        existing &&
        !existing.user.emailVerified &&
        (await recipientBudgetHasRoom(options.db, "confirm-link", body.email))
      ) {
        await ctx.context.internalAdapter.deleteUser(existing.user.id);
      }
    }

    if (ctx.path === "/change-password") {
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
  });
