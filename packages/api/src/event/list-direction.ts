// Browser-safe (exported through @checkmark/api/schemas): the agenda's URL names these too.

/** upcoming: starting at or after `from`, soonest first; past: before it, latest first. */
export const EVENT_LIST_DIRECTIONS = ["upcoming", "past"] as const;

export type EventListDirection = (typeof EVENT_LIST_DIRECTIONS)[number];
