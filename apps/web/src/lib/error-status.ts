import { ORPCError } from "@orpc/client";

/** The HTTP status of a failed call to the server Worker; undefined for anything else thrown. */
export const errorStatus = (error: unknown): number | undefined =>
  error instanceof ORPCError ? error.status : undefined;

/**
 * The HTTP status of a page whose call to the server Worker failed. The server's own 4xx passes
 * on (the visitor's request was refused: 404, 429, ...); anything else is 502 Bad Gateway, since
 * the fault is in the Worker behind this one, not in this one (docs/decisions/107).
 */
export function failedCallStatus(error: unknown): number {
  const status = errorStatus(error);
  return status !== undefined && status >= 400 && status < 500 ? status : 502;
}
