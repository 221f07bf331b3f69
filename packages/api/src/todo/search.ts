import { z } from "zod";
import { TODO_SEARCH_DEFAULTS, TODO_SEARCH_MAX, TODO_SORTS, TODO_STATUSES } from "./search-options";

// The list's search params, as the web app keeps them in its URL, built from the plain options
// the browser reads its URL with; free of Drizzle.
export const todoQuerySchema = z.string().trim().max(TODO_SEARCH_MAX).optional();

export const todoSearchSchema = z.object({
  /** Text search: todos whose text contains it (case-insensitive for ASCII letters). */
  q: todoQuerySchema,
  status: z.enum(TODO_STATUSES).default(TODO_SEARCH_DEFAULTS.status),
  /** newest/oldest by creation; due: earliest due date first, undated last. */
  sort: z.enum(TODO_SORTS).default(TODO_SEARCH_DEFAULTS.sort),
});

export type TodoSearch = z.infer<typeof todoSearchSchema>;
