import { EMAIL_MAX_LENGTH } from "@checkmark/auth/email-policy";
import { nameProblem } from "@checkmark/auth/name-policy";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@checkmark/auth/password-policy";
import { z } from "zod";

// Shared by the sign-up/sign-in forms, so the browser applies the server's own rules.
export const emailSchema = z
  .email("Enter a valid email address.")
  .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`);

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** The server's own display-name rule (Better Auth enforces it too). */
export const nameSchema = z.string().superRefine((name, ctx) => {
  const problem = nameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ newPassword: passwordSchema });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: passwordSchema,
});

export const confirmEmailSchema = z.object({ password: z.string().min(1, "Enter your password.") });

export type ConfirmEmailInput = z.infer<typeof confirmEmailSchema>;
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changeNameSchema = z.object({ name: nameSchema });

/** The account's own password, typed again to prove it is the owner and not a stolen cookie. */
export const currentPasswordSchema = z
  .string()
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX_LENGTH, "That is not your password.");

export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  password: currentPasswordSchema,
});

/** A mailed link's token (`<userId>.<secret>`), as the confirm and restore pages send it. */
export const emailLinkSchema = z.object({ token: z.string().min(1).max(200) });

/** What the restore page's form asks for when the account had two-factor on (ADR 135). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter a code from your app, or a backup code.")
  .max(64, "That is not a code from your app or a backup code.");

/**
 * The old address's restore link; `code`, from the authenticator app or a backup code, only
 * when the answer was SECOND_FACTOR_REQUIRED.
 */
export const restoreEmailSchema = emailLinkSchema.extend({
  code: secondFactorCodeSchema.optional(),
});

/** Typing the account's email confirms a deletion; the password proves it is the owner. */
export const deleteAccountSchema = z.object({
  confirmation: z.string().max(254),
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
});

/** The settings form: every account has a password today, so the form always asks for it. */
export const deleteAccountFormSchema = z.object({
  confirmation: z.string().min(1, "Type your email to confirm."),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
});

export type ChangeNameInput = z.infer<typeof changeNameSchema>;
export type RestoreEmailInput = z.infer<typeof restoreEmailSchema>;
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
