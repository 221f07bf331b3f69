import { type ApiClient, createApiClient } from "@checkmark/api/client";
import { type ClientContext, type ClientLink, createORPCClient, ORPCError } from "@orpc/client";
import { createTanstackQueryUtils } from "@orpc/tanstack-query";
import { createIsomorphicFn } from "@tanstack/react-start";
import { getRequest } from "@tanstack/react-start/server";

// During SSR the call goes straight to the server Worker over the service binding, carrying
// the visitor's cookie and address (so rate limits count the visitor, not this Worker) and
// addressed to the page's own origin, so the server sees the same host as for the browser's
// calls; in the browser it is a same-origin fetch to /rpc. Calls made in the same tick travel
// as one batched request either way (docs/decisions/083).
const createClient = createIsomorphicFn()
  .server((): ApiClient => {
    // One batching client per visitor's request, never one per isolate: a shared batch would
    // put two visitors' calls in one request (sent with neither's cookie) and make one request
    // wait on another's I/O, which workerd cancels as hung.
    const clients = new WeakMap<Request, ApiClient>();
    const clientFor = (request: Request) => {
      let client = clients.get(request);
      if (!client) {
        client = createApiClient({
          baseUrl: request.url,
          headers: forwardedHeaders(request),
          fetch: async (call) => {
            const { env } = await import("cloudflare:workers");
            let response: Response;
            try {
              response = await env.SERVER.fetch(call);
            } catch (cause) {
              if (call.signal.aborted) throw cause;
              throw serverFailed(cause);
            }
            // A 5xx that oRPC did not write (the pipeline's problem details, workerd's own 503)
            // is the server Worker failing too; oRPC would wrap it with its raw headers.
            const json = response.headers.get("content-type")?.startsWith("application/json");
            if (response.status >= 500 && !json) throw serverFailed(response.status);
            return response;
          },
          // The render waits for every answer before it starts, so one JSON body is cheaper
          // for both Workers than an event stream of answers (docs/decisions/099).
          batch: "buffered",
        });
        clients.set(request, client);
      }
      return client;
    };
    const link: ClientLink<ClientContext> = {
      call: (path, input, options) => procedureAt(clientFor(getRequest()), path)(input, options),
    };
    return createORPCClient(link);
  })
  .client(() => createApiClient({ baseUrl: window.location.origin, batch: true }));

/**
 * The server Worker is down, crashed or failing: its failure, told apart from this Worker's own,
 * so the page answers 502 rather than 500 (lib/failed-page-status.server.ts).
 */
const serverFailed = (cause: unknown) =>
  new ORPCError("BAD_GATEWAY", { status: 502, message: "The server could not be reached.", cause });

type Procedure = (input: unknown, options: unknown) => Promise<unknown>;

/** `client.todo.list` for the path `["todo", "list"]`. */
const procedureAt = (client: ApiClient, path: readonly string[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client) as Procedure;

function forwardedHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = { cookie: request.headers.get("cookie") ?? "" };
  const ip = request.headers.get("cf-connecting-ip");
  if (ip) headers["cf-connecting-ip"] = ip;
  // A page answering a form POST (docs/decisions/101) passes on where the POST came from, so the
  // server's CSRF check (origin-guard.ts) judges it as it judges the browser's own calls. Page
  // GETs do not: a link followed from another site is a cross-site navigation, not a change.
  if (request.method !== "GET" && request.method !== "HEAD") {
    for (const name of ["origin", "sec-fetch-site"]) {
      const value = request.headers.get(name);
      if (value) headers[name] = value;
    }
  }
  return headers;
}

export const client: ApiClient = createClient();

export const orpc = createTanstackQueryUtils(client);
