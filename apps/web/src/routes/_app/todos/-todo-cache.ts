import type { ListedTodo, Todo, TodoCounts } from "@checkmark/api/schemas";
import { type InfiniteData, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { orpc } from "../../../lib/orpc";
import { todoCountsQuery } from "./-queries";

type TodoPage = { items: ListedTodo[]; nextCursor: string | null };

/** The cached todo lists and counts as they were before an optimistic change. */
export type HeldTodos = [QueryKey, unknown][];

// Rows added before the server has answered carry this id prefix until it does.
const PENDING_ID = "pending:";
let pendingCount = 0;

export const newPendingId = () => `${PENDING_ID}${++pendingCount}`;
export const isPendingTodo = (todo: Todo) => todo.id.startsWith(PENDING_ID);

/**
 * Edits to the cached todo lists and counts, for optimistic mutations: hold what is there,
 * change it at once, put it back if the server refuses, and refetch the truth in the end.
 */
export function useTodoCache() {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      /** Stops refetches in flight (they would overwrite the edit) and keeps the current data. */
      async hold(): Promise<HeldTodos> {
        await queryClient.cancelQueries({ queryKey: orpc.todo.key() });
        return queryClient.getQueriesData({ queryKey: orpc.todo.key() });
      },
      restore(held: HeldTodos | undefined) {
        for (const [key, data] of held ?? []) queryClient.setQueryData(key, data);
      },
      /** Changes the rows of every cached list (every filter and page). */
      editLists(edit: (items: ListedTodo[]) => ListedTodo[]) {
        queryClient.setQueriesData<InfiniteData<TodoPage>>(
          { queryKey: orpc.todo.list.key() },
          (data) =>
            data && {
              ...data,
              pages: data.pages.map((page) => ({ ...page, items: edit(page.items) })),
            },
        );
      },
      /** Adds a row on top of one list's first page. */
      prependTo(queryKey: QueryKey, todo: ListedTodo) {
        queryClient.setQueryData<InfiniteData<TodoPage>>(queryKey, (data) => {
          const [first, ...rest] = data?.pages ?? [];
          return data && first
            ? { ...data, pages: [{ ...first, items: [todo, ...first.items] }, ...rest] }
            : data;
        });
      },
      /** Changes the numbers on the tabs for one text search. */
      editCounts(q: string | undefined, edit: (counts: TodoCounts) => TodoCounts) {
        queryClient.setQueryData<TodoCounts>(
          todoCountsQuery(q).queryKey,
          (counts) => counts && edit(counts),
        );
      },
      refresh: () => queryClient.invalidateQueries({ queryKey: orpc.todo.key() }),
    }),
    [queryClient],
  );
}
