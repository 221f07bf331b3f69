import { orpc } from "../../../lib/orpc";

export const TODO_PAGE_SIZE = 50;

/** This user's todos, newest first, a page at a time. */
export const todoListQuery = () =>
  orpc.todo.list.infiniteOptions({
    input: (cursor: string | undefined) => ({ limit: TODO_PAGE_SIZE, cursor }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
