import { ORPCError } from "@orpc/client";

/** A sentence for the user from whatever a procedure call threw. */
export function describeRpcError(error: unknown, fallback: string): string {
  if (error instanceof ORPCError) {
    // Signing in here would leave the page and what was typed on it: another tab keeps both.
    if (error.code === "UNAUTHORIZED") {
      return "Your session has ended. Sign in again in another tab, then try again here.";
    }
    // Client errors carry a message written for people; server faults do not.
    if (error.status < 500) return error.message || fallback;
  }
  return `${fallback} Check your connection and try again.`;
}
