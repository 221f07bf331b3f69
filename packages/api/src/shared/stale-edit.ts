import { z } from "zod";

/**
 * An edit that names the copy it was made from (`updatedAt`, as last read) and finds the row
 * changed since: refused, so a form opened before another tab's or a script's change cannot
 * silently overwrite it (docs/decisions/143). Optional: without it, the edit applies.
 */
// A Date (RPC) or the ISO string REST sends, nothing else: coercing would turn `null`, `0` or
// `true` into 1970 and answer every such edit with a CONFLICT that misleads.
export const expectedUpdatedAtSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })], {
    error: "Use the updatedAt you read, an ISO 8601 date-time.",
  })
  .pipe(z.coerce.date<string | Date>())
  .optional()
  .describe(
    "The updatedAt of the copy you edited. If it has changed since, nothing is saved and the answer is CONFLICT (409). Leave it out to save regardless.",
  );

export const staleEditError = (thing: string) => ({
  status: 409,
  message: `This ${thing} was changed somewhere else since you opened it, so your edit was not saved.`,
  data: z.object({ updatedAt: z.date() }),
});
