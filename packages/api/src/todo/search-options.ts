// The list's search options as plain data, free of zod and Drizzle: search.ts builds the
// server's schema from them, and the browser's /todos route reads its URL with them on a
// first visit without loading zod (docs/decisions/085).
export const TODO_STATUSES = ["all", "active", "completed"] as const;
export const TODO_SORTS = ["newest", "oldest", "due"] as const;
export const TODO_SEARCH_MAX = 100;
/** What a plain /todos shows. */
export const TODO_SEARCH_DEFAULTS = { status: "all", sort: "newest" } as const;

export type TodoStatus = (typeof TODO_STATUSES)[number];
export type TodoSort = (typeof TODO_SORTS)[number];
