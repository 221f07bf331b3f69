import type { EventListDirection } from "@checkmark/api/schemas";
import type { QueryClient } from "@tanstack/react-query";
import { orpc } from "../../../lib/orpc";

export const EVENT_PAGE_SIZE = 50;

/**
 * The agenda a page at a time: `upcoming` from `from` (the start of the viewer's today) soonest
 * first, or `past` before it, latest first. Every page of one list uses the same `from`.
 */
export const eventListQuery = (when: EventListDirection, from: Date) =>
  orpc.event.list.infiniteOptions({
    input: (cursor: string | undefined) => ({ when, from, limit: EVENT_PAGE_SIZE, cursor }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const eventQuery = (id: string) => orpc.event.get.queryOptions({ input: { id } });

/**
 * After a change: every agenda list starts again from its first page, so the agenda opens
 * with the change in it rather than showing the old list first.
 */
export const resetEventLists = (queryClient: QueryClient) =>
  queryClient.resetQueries({ queryKey: orpc.event.list.key() });
