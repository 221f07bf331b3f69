import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";

const TITLES: Partial<Record<ContentfulStatusCode, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  411: "Length Required",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  426: "Upgrade Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * RFC 9457 problem details: the one error shape of every non-oRPC response. Carries the
 * request id so a user's report can be matched to the log; never internals. `members` are
 * extension members (`code` and `data`, as the REST API's errors carry them).
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
    title: TITLES[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...members,
    instance: c.req.path,
    requestId: c.get("requestId"),
  };
  return c.body(JSON.stringify(body), status, {
    ...headers,
    "content-type": "application/problem+json",
  });
}
