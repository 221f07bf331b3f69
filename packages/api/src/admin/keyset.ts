import { ORPCError } from "@orpc/server";
import { z } from "zod";

// Cursors for keyset pages: the last row's sort value and id, as base64url JSON.
const cursorSchema = z.tuple([
  z.union([z.string().max(300), z.number().int()]),
  z.string().max(64),
]);

export function encodeKeyset(value: string | number, id: string): string {
  return btoa(JSON.stringify([value, id]))
    .replaceAll("+", "-")
    .replaceAll("/", "_");
}

/** The cursor's value and id; BAD_REQUEST for anything this API did not hand out. */
export function decodeKeyset(cursor: string): [string | number, string] {
  try {
    const json = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    return cursorSchema.parse(JSON.parse(json));
  } catch {
    throw new ORPCError("BAD_REQUEST", { message: "That page cursor is not valid." });
  }
}
