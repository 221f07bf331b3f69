import {
  TODO_SEARCH_DEFAULTS,
  TODO_SEARCH_MAX,
  TODO_SORTS,
  TODO_STATUSES,
  type TodoSearch,
} from "@checkmark/api/schemas";
import type { SearchSchemaInput } from "@tanstack/react-router";
import { searchChoice, searchQuery } from "../../../lib/search-params";

/**
 * The list's filters from the URL, by the options the server's schema is built from, without
 * loading zod on a first visit (docs/decisions/085). A value that breaks them (an old or
 * hand-edited link) falls back to its default instead of failing the page.
 */
export function todoSearchFromUrl(url: Partial<TodoSearch> & SearchSchemaInput): TodoSearch {
  const raw: Record<string, unknown> = url;
  const status = searchChoice(raw.status, TODO_STATUSES) ?? TODO_SEARCH_DEFAULTS.status;
  const sort = searchChoice(raw.sort, TODO_SORTS) ?? TODO_SEARCH_DEFAULTS.sort;
  const q = searchQuery(raw.q, TODO_SEARCH_MAX);
  return q ? { q, status, sort } : { status, sort };
}
