import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Auth } from "./auth";

/** How long a checked password lets its session add a passkey. */
export const PASSKEY_GRANT_SECONDS = 5 * 60;

const REGISTER_OPTIONS_PATH = "/passkey/generate-register-options";
const VERIFY_REGISTRATION_PATH = "/passkey/verify-registration";

const grantOf = (sessionId: string) => `passkey-registration-grant:${sessionId}`;

/**
 * Called once the password was checked (packages/api passkey.allowRegistration): this session
 * may add one passkey within PASSKEY_GRANT_SECONDS. Bound to the session, not the user.
 */
export async function grantPasskeyRegistration(auth: Auth, sessionId: string) {
  const { internalAdapter } = await auth.$context;
  await internalAdapter.createVerificationValue({
    identifier: grantOf(sessionId),
    value: "granted",
    expiresAt: new Date(Date.now() + PASSKEY_GRANT_SECONDS * 1000),
  });
}

function passwordFirst() {
  return new APIError("FORBIDDEN", {
    code: "PASSWORD_REQUIRED",
    message: "Confirm your password to add a passkey.",
  });
}

/**
 * A passkey outlives a password reset, so a session alone (a stolen cookie) may not add one:
 * the registration endpoints need a grant made by typing the password. The options step only
 * looks (a cancelled device prompt can be retried); the verify step, which stores the passkey,
 * uses the grant up, so one password check adds one passkey.
 */
export const passkeyRegistrationGrant = () =>
  ({
    id: "passkey-registration-grant",
    hooks: {
      before: [
        {
          matcher: (ctx) =>
            ctx.path === REGISTER_OPTIONS_PATH || ctx.path === VERIFY_REGISTRATION_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            // Without a session the endpoints answer 401 themselves.
            const session = await getSessionFromCtx(ctx);
            if (!session) return;
            const grant = grantOf(session.session.id);
            const { internalAdapter } = ctx.context;
            if (ctx.path === VERIFY_REGISTRATION_PATH) {
              if (!(await internalAdapter.consumeVerificationValue(grant))) throw passwordFirst();
              return;
            }
            const found = await internalAdapter.findVerificationValue(grant);
            if (!found || found.expiresAt.getTime() <= Date.now()) throw passwordFirst();
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
