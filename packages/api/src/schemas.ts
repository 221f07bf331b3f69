// Browser-safe entry: zod schemas and limits only, no server code.
export type {
  ChangePasswordInput,
  ForgotPasswordInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
} from "./account/schema";
export {
  changePasswordSchema,
  emailSchema,
  forgotPasswordSchema,
  passwordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./account/schema";
export type { Todo } from "./todo/schema";
export { TODO_TEXT_MAX, todoTextSchema } from "./todo/text";
