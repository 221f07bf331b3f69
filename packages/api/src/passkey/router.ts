import { grantPasskeyRegistration, PASSKEY_GRANT_SECONDS } from "@checkmark/auth";
import { isAccountPassword, wrongPasswordRefusal } from "../account/password-check";
import { passwordCheckProcedure } from "../procedures";
import { allowPasskeyRegistrationSchema, passkeyRegistrationAllowedSchema } from "./schema";

/** Passkeys are added, listed and removed through Better Auth (/api/auth/passkey/*). */
export const passkeyRouter = {
  /**
   * The password, checked before a passkey is added: a passkey outlives a password reset, so a
   * stolen session cookie alone must not add one. Lets this session add one passkey within a
   * few minutes (packages/auth passkey-registration-grant.ts).
   */
  allowRegistration: passwordCheckProcedure
    .input(allowPasskeyRegistrationSchema)
    .output(passkeyRegistrationAllowedSchema)
    .handler(async ({ context, input, errors }) => {
      if (!(await isAccountPassword(context.auth, context.user.id, input.password))) {
        throw errors.BAD_REQUEST(wrongPasswordRefusal());
      }
      await grantPasskeyRegistration(context.auth, context.session.session.id);
      return { expiresInSeconds: PASSKEY_GRANT_SECONDS };
    }),
};
