import { ORPCError } from "@orpc/client";

/**
 * The HTTP status of a page whose call to the server Worker failed. The server's own 4xx passes
 * on (the visitor's request was refused: 404, 429, ...); anything else is 502 Bad Gateway, since
 * the fault is in the Worker behind this one, not in this one (docs/decisions/107).
 */
export const failedCallStatus = (error: unknown): number =>
  error instanceof ORPCError && error.status >= 400 && error.status < 500 ? error.status : 502;
