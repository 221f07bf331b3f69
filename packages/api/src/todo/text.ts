import { z } from "zod/mini";

// Kept free of Drizzle so the browser bundle can validate with the same rule; zod/mini, as the
// /todos page's new-todo form loads it on the first visit (ADR 085).
export const TODO_TEXT_MAX = 500;

/** The rules alone, for the server's drizzle-zod field, which must stay a full zod string. */
export const todoTextChecks = [
  z.trim(),
  z.minLength(1, "Write something to do."),
  z.maxLength(TODO_TEXT_MAX, `Keep it under ${TODO_TEXT_MAX} characters.`),
] as const;

export const todoTextSchema = z.string().check(...todoTextChecks);
