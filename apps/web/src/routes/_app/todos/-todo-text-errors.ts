import { todoTextSchema } from "@checkmark/api/schemas";

/** What keeps a todo's text from being sent, by the server's own rule; empty when nothing. */
export function todoTextErrors(text: string): string[] {
  const parsed = todoTextSchema.safeParse(text);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}
