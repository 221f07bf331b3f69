import type { TodoSearch } from "@checkmark/api/schemas";
import type { QueryClient } from "@tanstack/react-query";
import { orpc } from "../../../lib/orpc";

export const TODO_PAGE_SIZE = 50;

/** The user's todos that match the filters, a keyset page at a time. */
export const todoListQuery = (search: TodoSearch) =>
  orpc.todo.list.infiniteOptions({
    input: (cursor: string | undefined) => ({ ...search, limit: TODO_PAGE_SIZE, cursor }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** How many todos match the text search, per status (the numbers on the status tabs). */
export const todoCountsQuery = (q: string | undefined) =>
  orpc.todo.counts.queryOptions({ input: { q } });

/**
 * The list, then the counts: one call each, so a slow or failing list is what the page waits
 * for or reports (two calls in the same tick would travel as one batch).
 */
export async function loadTodos(queryClient: QueryClient, search: TodoSearch) {
  await queryClient.ensureInfiniteQueryData(todoListQuery(search));
  await queryClient.ensureQueryData(todoCountsQuery(search.q));
}
