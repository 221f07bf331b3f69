import { z } from "zod/mini";

// The list's search params, as the web app keeps them in its URL; free of Drizzle so the
// browser can parse them with the server's own rules. zod/mini: the /todos route checks them
// on the browser's first load, where full zod would weigh more than the page (ADR 085).
export const TODO_STATUSES = ["all", "active", "completed"] as const;
export const TODO_SORTS = ["newest", "oldest", "due"] as const;
export const TODO_SEARCH_MAX = 100;

export const todoQuerySchema = z.optional(z.string().check(z.trim(), z.maxLength(TODO_SEARCH_MAX)));

export const todoSearchSchema = z.object({
  /** Text search: todos whose text contains it (case-insensitive for ASCII letters). */
  q: todoQuerySchema,
  status: z._default(z.enum(TODO_STATUSES), "all"),
  /** newest/oldest by creation; due: earliest due date first, undated last. */
  sort: z._default(z.enum(TODO_SORTS), "newest"),
});

export type TodoStatus = (typeof TODO_STATUSES)[number];
export type TodoSort = (typeof TODO_SORTS)[number];
export type TodoSearch = z.infer<typeof todoSearchSchema>;
