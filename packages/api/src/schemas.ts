// Browser-safe entry: zod schemas and limits only, no server code.
export { emailSchema, passwordSchema, signInSchema, signUpSchema } from "./account/schema";
export { TODO_TEXT_MAX, todoTextSchema } from "./todo/text";
export type { Todo } from "./todo/schema";
