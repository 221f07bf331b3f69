import { ORPCError } from "@orpc/client";

/** A sentence for the user from whatever a procedure call threw. */
export function describeRpcError(error: unknown, fallback: string): string {
  if (error instanceof ORPCError) {
    if (error.code === "UNAUTHORIZED") return "Your session has ended. Sign in again to continue.";
    // Client errors carry a message written for people; server faults do not.
    if (error.status < 500) return error.message || fallback;
  }
  return `${fallback} Check your connection and try again.`;
}
