import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";

// Each status's reason phrase (the problem's `title`) and the code a client branches on, the
// same as oRPC's own for that status, so REST callers see one `code` whichever layer refused.
const STATUSES: Partial<Record<number, [title: string, code: string]>> = {
  400: ["Bad Request", "BAD_REQUEST"],
  401: ["Unauthorized", "UNAUTHORIZED"],
  403: ["Forbidden", "FORBIDDEN"],
  404: ["Not Found", "NOT_FOUND"],
  405: ["Method Not Allowed", "METHOD_NOT_SUPPORTED"],
  409: ["Conflict", "CONFLICT"],
  411: ["Length Required", "LENGTH_REQUIRED"],
  413: ["Content Too Large", "PAYLOAD_TOO_LARGE"],
  415: ["Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE"],
  416: ["Range Not Satisfiable", "RANGE_NOT_SATISFIABLE"],
  426: ["Upgrade Required", "UPGRADE_REQUIRED"],
  429: ["Too Many Requests", "TOO_MANY_REQUESTS"],
  500: ["Internal Server Error", "INTERNAL_SERVER_ERROR"],
};

/** RFC 9457's `title` for a status: its reason phrase, as `type: "about:blank"` asks. */
export const statusTitle = (status: number) => STATUSES[status]?.[0] ?? "Error";

/**
 * RFC 9457 problem details: the one error shape of every non-oRPC response. Carries the
 * request id so a user's report can be matched to the log; never internals. `members` are
 * extension members (`code` and `data`, as the REST API's errors carry them); `code` defaults
 * to the status's.
 */
export function problem(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  detail?: string,
  headers: Record<string, string> = {},
  members: Record<string, unknown> = {},
) {
  const body = {
    type: "about:blank",
    title: statusTitle(status),
    status,
    ...(detail ? { detail } : {}),
    code: STATUSES[status]?.[1] ?? "ERROR",
    ...members,
    instance: c.req.path,
    requestId: c.get("requestId"),
  };
  return c.body(JSON.stringify(body), status, {
    ...headers,
    "content-type": "application/problem+json",
  });
}
