// Browser-safe entry: zod schemas and limits only, no server code.
export type {
  ChangePasswordInput,
  ConfirmEmailInput,
  ForgotPasswordInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
} from "./account/schema";
export {
  changePasswordSchema,
  confirmEmailSchema,
  emailSchema,
  forgotPasswordSchema,
  nameSchema,
  passwordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./account/schema";
export {
  API_KEY_SCOPES,
  type ApiKeyScope,
  type ApiKeySummary,
  createApiKeySchema,
} from "./api-key/schema";
export type { Todo } from "./todo/schema";
export { TODO_TEXT_MAX, todoTextSchema } from "./todo/text";
