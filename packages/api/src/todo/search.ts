import { z } from "zod";

// The list's search params, as the web app keeps them in its URL; free of Drizzle so the
// browser can parse them with the server's own rules.
export const TODO_STATUSES = ["all", "active", "completed"] as const;
export const TODO_SORTS = ["newest", "oldest", "due"] as const;
export const TODO_SEARCH_MAX = 100;

export const todoQuerySchema = z.string().trim().max(TODO_SEARCH_MAX).optional();

export const todoSearchSchema = z.object({
  /** Text search: todos whose text contains it (case-insensitive for ASCII letters). */
  q: todoQuerySchema,
  status: z.enum(TODO_STATUSES).default("all"),
  /** newest/oldest by creation; due: earliest due date first, undated last. */
  sort: z.enum(TODO_SORTS).default("newest"),
});

export type TodoStatus = (typeof TODO_STATUSES)[number];
export type TodoSort = (typeof TODO_SORTS)[number];
export type TodoSearch = z.infer<typeof todoSearchSchema>;
