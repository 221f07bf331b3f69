import { z } from "zod";

export { RETRY_AFTER_SECONDS } from "./shared/retry-after";

/**
 * Errors every procedure can answer with, declared once so clients get them typed
 * (`isDefinedError(error) && error.code === "UNAUTHORIZED"`) and the OpenAPI spec lists them.
 */
export const baseErrors = {
  BAD_REQUEST: {
    status: 400,
    message: "The input is not valid.",
    // Input validation puts the schema's issues here; other bad requests carry no data.
    data: z
      .object({
        issues: z.array(
          z.looseObject({
            message: z.string(),
            path: z.array(z.union([z.string(), z.number(), z.looseObject({})])).optional(),
          }),
        ),
      })
      .optional(),
  },
  UNAUTHORIZED: { status: 401, message: "Sign in to continue." },
  FORBIDDEN: { status: 403, message: "You may not do that." },
  TOO_MANY_REQUESTS: {
    status: 429,
    message: "Too many requests. Try again in a minute.",
    data: z.object({ retryAfterSeconds: z.number().int().positive() }),
  },
} as const;
