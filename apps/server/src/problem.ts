import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** RFC 9457 problem details: the one error shape every non-oRPC response uses. */
export function problem(c: Context, status: ContentfulStatusCode, title: string, detail?: string) {
  return c.body(
    JSON.stringify({ type: "about:blank", title, status, ...(detail ? { detail } : {}) }),
    status,
    { "content-type": "application/problem+json" },
  );
}
