import {
  USER_LIST_DEFAULTS,
  USER_SEARCH_MAX,
  USER_SORT_DIRECTIONS,
  USER_SORTS,
  type UserSort,
  type UserSortDirection,
} from "@checkmark/api/schemas";
import type { SearchSchemaInput } from "@tanstack/react-router";
import { searchChoice, searchQuery } from "../../../../lib/search-params";

// `order` and `dir` rather than `sort` and `direction`: /todos has a `sort` of its own, and
// links that keep the current search would mix the two types.
export interface UserListSearch {
  q?: string;
  order: UserSort;
  dir: UserSortDirection;
}

/** What a plain /admin/users shows; kept out of the URL. */
export const USER_LIST_URL_DEFAULTS = {
  order: USER_LIST_DEFAULTS.sort,
  dir: USER_LIST_DEFAULTS.direction,
} as const;

/**
 * The users table's search and order from the URL, by the options the server's schema is
 * built from, without zod on a first visit (docs/decisions/085). A value that breaks them (an
 * old or hand-edited link) falls back to its default instead of failing the page.
 */
export function userSearchFromUrl(
  url: Partial<UserListSearch> & SearchSchemaInput,
): UserListSearch {
  const raw: Record<string, unknown> = url;
  const order = searchChoice(raw.order, USER_SORTS) ?? USER_LIST_URL_DEFAULTS.order;
  const dir = searchChoice(raw.dir, USER_SORT_DIRECTIONS) ?? USER_LIST_URL_DEFAULTS.dir;
  const q = searchQuery(raw.q, USER_SEARCH_MAX);
  return q ? { q, order, dir } : { order, dir };
}
