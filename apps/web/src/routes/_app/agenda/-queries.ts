import type { EventListDirection } from "@checkmark/api/schemas";
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

/** Every list and event, after a change: the agenda and any open event refetch. */
export const allEventsKey = () => orpc.event.key();
