import { z } from "zod/mini";

// Route search params are checked by route definitions, which load with the app shell on
// every first visit: zod's small build (zod/mini) keeps the full one off that load (ADR 085).

/** An optional text param no longer than `max` (a token, an error code). */
export const optionalSearchText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
