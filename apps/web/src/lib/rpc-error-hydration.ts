import { createORPCErrorFromJson, ORPCError } from "@orpc/client";
import { createSerializationAdapter } from "@tanstack/react-router";

/**
 * A failed call's error keeps its code, status and data across hydration. Without this the
 * server render hands the browser a plain Error: a rate-limited page rendered as "Too many
 * requests" on the server would become "Something went wrong" once the script took over, and
 * field issues and Retry-After would be lost.
 */
export const rpcErrorHydration = createSerializationAdapter({
  key: "orpc-error",
  test: (value): value is ORPCError<string, unknown> => value instanceof ORPCError,
  // Typed errors' data is JSON by contract (the same JSON the server sent).
  toSerializable: (error) => JSON.stringify(error.toJSON()),
  fromSerializable: (json: string) => createORPCErrorFromJson(JSON.parse(json)),
});
