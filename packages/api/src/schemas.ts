// Browser-safe entry: zod schemas and limits only, no server code.
export type { SignInInput, SignUpInput } from "./account/schema";
export { emailSchema, passwordSchema, signInSchema, signUpSchema } from "./account/schema";
export type { Todo } from "./todo/schema";
export { TODO_TEXT_MAX, todoTextSchema } from "./todo/text";
