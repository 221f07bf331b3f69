/** What changed, for the user's open tabs to refetch (apps/server/src/live). */
export const LIVE_TOPICS = ["todos", "events"] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];
