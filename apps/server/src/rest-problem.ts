import type { ORPCError } from "@orpc/server";
import { statusTitle } from "./problem";

/** One bad field: where it is in the input (RFC 6901 JSON Pointer) and what is wrong with it. */
export type FieldError = { pointer: string; detail: string };

// A Standard Schema issue's path: keys, or `{ key }` segments.
type PathSegment = PropertyKey | { key: PropertyKey };

/**
 * RFC 9457 problem details for an oRPC error answered over REST. `code` and `data` stay as
 * oRPC sends them, so typed clients still branch; a validation error also lists every bad
 * field in `errors`, built from the issues oRPC already put in `data.issues`.
 */
export function restProblemBody(error: ORPCError<string, unknown>) {
  const errors = fieldErrors(error.data);
  return {
    type: "about:blank",
    title: statusTitle(error.status),
    status: error.status,
    detail: errors.length > 0 ? describeFields(errors) : error.message,
    message: error.message,
    code: error.code,
    defined: error.defined,
    ...(errors.length > 0 ? { errors } : {}),
    ...(error.data === undefined ? {} : { data: error.data }),
  };
}

function fieldErrors(data: unknown): FieldError[] {
  const issues = (data as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: { message?: unknown; path?: unknown }) =>
    typeof issue?.message === "string"
      ? [
          {
            pointer: jsonPointer(Array.isArray(issue.path) ? issue.path : []),
            detail: issue.message,
          },
        ]
      : [],
  );
}

function jsonPointer(path: readonly PathSegment[]): string {
  return path
    .map((segment) => {
      const key = typeof segment === "object" && segment !== null ? segment.key : segment;
      return `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
    })
    .join("");
}

/** The sentence for `detail`: which fields, so a reader sees them all without parsing `errors`. */
function describeFields(errors: FieldError[]): string {
  const names = [...new Set(errors.map(({ pointer }) => fieldName(pointer)))];
  return names.length === 1
    ? `${names[0]} is not valid: ${errors.map(({ detail }) => detail).join("; ")}`
    : `${names.length} fields are not valid: ${names.join(", ")}.`;
}

function fieldName(pointer: string): string {
  if (pointer === "") return "The input";
  return pointer
    .slice(1)
    .split("/")
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}
