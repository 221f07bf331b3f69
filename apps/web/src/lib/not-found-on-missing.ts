import { ORPCError } from "@orpc/client";
import { notFound } from "@tanstack/react-router";

/**
 * A loader's data, or the route's 404 when the server says there is no such thing to see.
 * Someone else's row, a deleted one and a malformed id all answer the same: not here.
 */
export async function notFoundOnMissing<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ORPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      throw notFound();
    throw error;
  }
}
