import { appRouter } from "@checkmark/api";
import { OpenAPIHandler } from "@orpc/openapi/fetch";
import { onError } from "@orpc/server";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { errorFields, writeLog } from "./log";
import { hasRestRoute, REST_PREFIX } from "./openapi-spec";
import { procedureContext } from "./procedure-context";
import { restProblemBody } from "./rest-problem";

export { openApiSpec } from "./openapi-spec";

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

export async function handleRest(c: Context<AppEnv>) {
  const { matched, response } = await handler.handle(c.req.raw, {
    prefix: REST_PREFIX,
    context: procedureContext(c),
  });
  if (!matched) return undefined;
  if (response.status >= 400) {
    const problem = new Response(response.body, response);
    problem.headers.set("content-type", "application/problem+json");
    return problem;
  }
  return response;
}
