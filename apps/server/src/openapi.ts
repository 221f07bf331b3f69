import { appRouter } from "@checkmark/api";
import { OpenAPIHandler } from "@orpc/openapi/fetch";
import { onError } from "@orpc/server";
import type { Context } from "hono";
import committedSpec from "../openapi.json";
import type { AppEnv } from "./app-env";
import { errorFields, writeLog } from "./log";
import { problem } from "./problem";
import { procedureContext } from "./procedure-context";
import { restProblemBody } from "./rest-problem";
import { hasRestRoute, REST_PREFIX, restRoutes } from "./rest-routes";

let specText: string | undefined;

/**
 * The committed apps/server/openapi.json, which the server tests keep equal to what the
 * procedures generate (ADR 141): the generator stays out of the Worker.
 */
export function openApiSpec(): string {
  specText ??= JSON.stringify(committedSpec);
  return specText;
}

// The same procedures as /rpc, as REST: `.route({ method, path })` on each procedure names them.
const handler = new OpenAPIHandler(appRouter, {
  filter: hasRestRoute,
  customErrorResponseBodyEncoder: restProblemBody,
  interceptors: [
    onError((error, { context }) => {
      const typed = (error as { status?: number }).status;
      if (typed === undefined || typed >= 500) {
        writeLog(
          { event: "rpc-error", requestId: context.requestId, ...errorFields(error) },
          "error",
        );
      }
    }),
  ],
});

const NO_CREDENTIALS = "Send an API key as `Authorization: Bearer <key>` or `x-api-key: <key>`.";

export async function handleRest(c: Context<AppEnv>) {
  const { matched, response } = await handler.handle(c.req.raw, {
    prefix: REST_PREFIX,
    context: procedureContext(c),
  });
  if (!matched) return refuseUnmatched(c);
  if (response.status < 400) return response;
  // The procedure's error as problem details (rest-problem.ts), with what the pipeline's own
  // problems carry too: the path and the request id to quote.
  const body = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  if (response.status === 401) {
    const rejected = c.get("apiKeyRejected");
    if (!rejected && !c.get("session")) body.detail = NO_CREDENTIALS;
    // RFC 9110: a 401 names the scheme to answer with (RFC 6750 for the bearer key).
    headers.set(
      "www-authenticate",
      `Bearer realm="Checkmark"${rejected ? ', error="invalid_token"' : ""}`,
    );
  }
  // A budget a procedure spends (searches, passwords) says its wait in `data`; HTTP says it in
  // Retry-After, as the pipeline's own 429s do.
  const retryAfter = (body.data as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (response.status === 429 && !headers.has("retry-after") && typeof retryAfter === "number") {
    headers.set("retry-after", String(retryAfter));
  }
  headers.set("content-type", "application/problem+json");
  headers.delete("content-length");
  const text = JSON.stringify({ ...body, instance: c.req.path, requestId: c.get("requestId") });
  return new Response(text, { status: response.status, headers });
}

/** A path the API has, with a method it does not: 405 and `Allow`; else no such operation. */
function refuseUnmatched(c: Context<AppEnv>) {
  const path = c.req.path.slice(REST_PREFIX.length);
  const allowed = restRoutes()
    .filter((route) => route.pattern.test(path))
    .map((route) => route.method);
  if (allowed.length === 0) return problem(c, 404, "No such operation.");
  const allow = allowed.join(", ");
  return problem(c, 405, `${c.req.method} is not an operation here: use ${allow}.`, {
    Allow: allow,
  });
}
