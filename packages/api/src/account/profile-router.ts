import { passwordCheckProcedure, publicProcedure } from "../procedures";
import { confirmEmailChange, requestEmailChange, restoreEmail } from "./email-change";
import { EMAIL_CHANGE_MAILS_PER_WINDOW, spendEmailChangeMail } from "./email-change-budget";
import { isAccountPassword, wrongPasswordRefusal } from "./password-check";
import { changeEmailSchema, emailLinkSchema, restoreEmailSchema } from "./schema";

/** Changing the sign-in address (ADR 076). The display name goes through Better Auth's update-user. */
export const profileProcedures = {
  /**
   * Mails a link to the new address; answers alike whether or not another account holds it.
   * Each request mails an address the account does not own: a few an hour (ADR 128).
   */
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
      const budget = await spendEmailChangeMail(context.db, context.user.id);
      if (!budget.ok) {
        const minutes = Math.ceil(budget.retryAfterSeconds / 60);
        throw errors.TOO_MANY_REQUESTS({
          message: `You can ask for an email change ${EMAIL_CHANGE_MAILS_PER_WINDOW} times an hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          data: { retryAfterSeconds: budget.retryAfterSeconds },
        });
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

  /**
   * The old address's "this wasn't me" link: puts it back and signs out every device. If the
   * account had two-factor on when the change was asked for, it also takes a code of that
   * second factor, and keeps it (ADR 135).
   */
  restoreEmail: publicProcedure
    .input(restoreEmailSchema)
    .errors({
      SECOND_FACTOR_REQUIRED: {
        status: 403,
        message:
          "This account has two-step sign-in on. Enter a code from your authenticator app, or one of your backup codes.",
      },
    })
    .handler(async ({ context, input, errors }) => {
      const result = await restoreEmail(context, input.token, input.code);
      if (result.ok) return { email: result.email, keptSecondFactor: result.keptSecondFactor };
      if ("reason" in result) throw errors.BAD_REQUEST({ message: result.reason });
      if ("codeNeeded" in result) throw errors.SECOND_FACTOR_REQUIRED();
      if ("wrongCode" in result) {
        const message = result.wrongCode;
        throw errors.BAD_REQUEST({ message, data: { issues: [{ message, path: ["code"] }] } });
      }
      throw errors.TOO_MANY_REQUESTS({
        message: result.tooMany,
        data: { retryAfterSeconds: result.retryAfterSeconds },
      });
    }),
};
