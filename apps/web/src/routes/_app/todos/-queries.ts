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
 * The list and the counts, asked for in the same tick so they travel in one batched request
 * (with the session read, when the page is rendered: docs/decisions/083).
 */
export async function loadTodos(queryClient: QueryClient, search: TodoSearch) {
  await Promise.all([
    queryClient.ensureInfiniteQueryData(todoListQuery(search)),
    queryClient.ensureQueryData(todoCountsQuery(search.q)),
  ]);
}
