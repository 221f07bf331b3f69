import { z } from "zod";

/**
 * An edit that names the copy it was made from (`updatedAt`, as last read) and finds the row
 * changed since: refused, so a form opened before another tab's or a script's change cannot
 * silently overwrite it (docs/decisions/143). Optional: without it, the edit applies.
 */
export const expectedUpdatedAtSchema = z.coerce
  .date<Date>({ error: "Use the updatedAt you read, an ISO 8601 date-time." })
  .optional()
  .describe(
    "The updatedAt of the copy you edited. If it has changed since, nothing is saved and the answer is CONFLICT (409). Leave it out to save regardless.",
  );

export const staleEditError = (thing: string) => ({
  status: 409,
  message: `This ${thing} was changed somewhere else since you opened it, so your edit was not saved.`,
  data: z.object({ updatedAt: z.date() }),
});
