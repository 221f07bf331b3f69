import type { PasskeyOptions } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";

/**
 * A passkey signs in without a password or a two-factor code (ADR 071), which holds only while
 * it is two factors itself: the device, and the PIN, fingerprint or face that unlocks it. The
 * plugin's defaults only prefer that check ("preferred", and it verifies with
 * requireUserVerification false), so a security key without a PIN, or one made to skip the
 * check, would sign in on touch alone. These options ask the device for the check and refuse
 * any registration or sign-in whose signed data says it was not done.
 */
export const userVerifiedPasskeys = {
  authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  registration: {
    afterVerification: ({ verification }) => {
      if (!verification.registrationInfo?.userVerified) {
        throw new APIError("BAD_REQUEST", {
          code: "USER_VERIFICATION_REQUIRED",
          message:
            "Your device did not check your PIN, fingerprint or face. Set one up on it, then add the passkey again.",
        });
      }
    },
  },
  authentication: {
    afterVerification: ({ verification }) => {
      if (!verification.authenticationInfo.userVerified) {
        throw new APIError("UNAUTHORIZED", {
          code: "USER_VERIFICATION_REQUIRED",
          message: "Unlock the passkey with its PIN, fingerprint or face to sign in.",
        });
      }
    },
  },
} satisfies Pick<PasskeyOptions, "authenticatorSelection" | "registration" | "authentication">;

const AUTHENTICATE_OPTIONS_PATH = "/passkey/generate-authenticate-options";

/**
 * The plugin's sign-in options always say "preferred"; the browser then lets a device skip the
 * check and the sign-in fails afterwards. Saying "required" makes the browser ask for it.
 */
export const passkeySignInAsksForUserVerification = () =>
  ({
    id: "passkey-sign-in-user-verification",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === AUTHENTICATE_OPTIONS_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const options = ctx.context.returned;
            if (!options || typeof options !== "object" || !("challenge" in options)) return;
            return ctx.json({ ...options, userVerification: "required" });
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
