import { createORPCErrorFromJson, ORPCError } from "@orpc/client";
import { createSerializationAdapter } from "@tanstack/react-router";

/**
 * A failed call's error stays an `ORPCError` across hydration, with its code, status and
 * message. Without this the server render hands the browser a plain Error: a rate-limited page
 * rendered as "Too many requests" on the server would become "Something went wrong" once the
 * script took over.
 */
export const rpcErrorHydration = createSerializationAdapter({
  key: "orpc-error",
  test: (value): value is ORPCError<string, unknown> => value instanceof ORPCError,
  // Only a defined error's data crosses: it is JSON the contract declares. Any other error's data
  // can be what oRPC wrapped from a response it could not read (its status and headers).
  toSerializable: (error) => {
    const { data, ...rest } = error.toJSON();
    return JSON.stringify(error.defined ? { ...rest, data } : rest);
  },
  fromSerializable: (json: string) => createORPCErrorFromJson(JSON.parse(json)),
});
