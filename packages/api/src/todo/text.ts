import { z } from "zod";

// Kept free of Drizzle so the browser bundle can validate with the same rule.
export const TODO_TEXT_MAX = 500;

export const todoTextSchema = z
  .string()
  .trim()
  .min(1, "Write something to do.")
  .max(TODO_TEXT_MAX, `Keep it under ${TODO_TEXT_MAX} characters.`);
