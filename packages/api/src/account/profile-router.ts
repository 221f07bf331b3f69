import { passwordCheckProcedure, publicProcedure } from "../procedures";
import { confirmEmailChange, requestEmailChange, restoreEmail } from "./email-change";
import { isAccountPassword, wrongPasswordRefusal } from "./password-check";
import { changeEmailSchema, emailLinkSchema } from "./schema";

/** Changing the sign-in address (ADR 076). The display name goes through Better Auth's update-user. */
export const profileProcedures = {
  /** Mails a link to the new address; answers alike whether or not another account holds it. */
  changeEmail: passwordCheckProcedure
    .input(changeEmailSchema)
    .handler(async ({ context, input, errors }) => {
      const newEmail = input.newEmail.toLowerCase();
      if (newEmail === context.user.email.toLowerCase()) {
        throw errors.BAD_REQUEST({
          message: "That is already your email.",
          data: { issues: [{ message: "That is already your email.", path: ["newEmail"] }] },
        });
      }
      if (!(await isAccountPassword(context.auth, context.user.id, input.password))) {
        throw errors.BAD_REQUEST(wrongPasswordRefusal());
      }
      await requestEmailChange(context, context.user, newEmail);
      return { sentTo: newEmail };
    }),

  /** The new address's link: no session needed, the link proves the mailbox. */
  confirmEmailChange: publicProcedure
    .input(emailLinkSchema)
    .handler(async ({ context, input, errors }) => {
      const result = await confirmEmailChange(context, input.token);
      if (!result.ok) throw errors.BAD_REQUEST({ message: result.reason });
      return { email: result.email };
    }),

  /** The old address's "this wasn't me" link: puts it back and signs out every device. */
  restoreEmail: publicProcedure
    .input(emailLinkSchema)
    .handler(async ({ context, input, errors }) => {
      const result = await restoreEmail(context, input.token);
      if (!result.ok) throw errors.BAD_REQUEST({ message: result.reason });
      return { email: result.email };
    }),
};
