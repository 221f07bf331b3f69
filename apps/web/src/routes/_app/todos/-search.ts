import { type TodoSearch, todoSearchSchema } from "@checkmark/api/schemas";
import type { SearchSchemaInput } from "@tanstack/react-router";

/** What a plain /todos shows; these values stay out of the URL. */
export const TODO_SEARCH_DEFAULTS = { status: "all", sort: "newest" } as const;

/**
 * The list's filters from the URL, by the server's own rules. A value that breaks them (an
 * old or hand-edited link) falls back to its default instead of failing the page.
 */
export function todoSearchFromUrl(url: Partial<TodoSearch> & SearchSchemaInput): TodoSearch {
  const raw: Record<string, unknown> = url;
  // The router reads `?q=123` as a number; a search is always text.
  const input = typeof raw.q === "number" ? { ...raw, q: String(raw.q) } : raw;
  const parsed = todoSearchSchema.safeParse(input);
  if (parsed.success) return withoutEmptyQuery(parsed.data);
  const invalid = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const valid = Object.fromEntries(Object.entries(input).filter(([key]) => !invalid.has(key)));
  return withoutEmptyQuery(todoSearchSchema.parse(valid));
}

const withoutEmptyQuery = (search: TodoSearch): TodoSearch =>
  search.q ? search : { status: search.status, sort: search.sort };
