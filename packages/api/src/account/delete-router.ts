import { passwordCheckProcedure } from "../procedures";
import { deleteAccount, FRESH_SIGN_IN_SECONDS } from "./delete-account";
import { hasPassword, isAccountPassword } from "./password-check";
import { deleteAccountSchema } from "./schema";

const refusal = (message: string, field: "confirmation" | "password") => ({
  message,
  data: { issues: [{ message, path: [field] }] },
});

/** Deleting the account: typed confirmation plus the password (or, without one, a fresh sign-in). */
export const deleteProcedures = {
  delete: passwordCheckProcedure
    .input(deleteAccountSchema)
    .handler(async ({ context, input, errors }) => {
      const { user, session } = context;
      if (input.confirmation.trim().toLowerCase() !== user.email.toLowerCase()) {
        throw errors.BAD_REQUEST(refusal("Type your email exactly to confirm.", "confirmation"));
      }
      if (await hasPassword(context.auth, user.id)) {
        const ok = input.password
          ? await isAccountPassword(context.auth, user.id, input.password)
          : false;
        if (!ok) throw errors.BAD_REQUEST(refusal("That is not your password.", "password"));
      } else if (Date.now() - session.session.createdAt.getTime() > FRESH_SIGN_IN_SECONDS * 1000) {
        throw errors.FORBIDDEN({
          message: "Sign in again, then delete your account within 5 minutes.",
        });
      }
      await deleteAccount(context, user);
      return { deleted: true };
    }),
};
