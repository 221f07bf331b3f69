import { type ApiClient, createApiClient } from "@checkmark/api/client";
import { createTanstackQueryUtils } from "@orpc/tanstack-query";
import { createIsomorphicFn } from "@tanstack/react-start";
import { getRequest, getRequestHeaders } from "@tanstack/react-start/server";

// During SSR the call goes straight to the server Worker over the service binding, carrying
// the visitor's cookie and address (so rate limits count the visitor, not this Worker) and
// addressed to the page's own origin, so the server sees the same host as for the browser's
// calls; in the browser it is a same-origin fetch to /rpc. Calls made in the same tick travel
// as one batched request either way.
const createClient = createIsomorphicFn()
  .server(() =>
    createApiClient({
      baseUrl: () => getRequest().url,
      headers: () => forwardedHeaders(getRequestHeaders()),
      fetch: async (request) => {
        const { env } = await import("cloudflare:workers");
        return env.SERVER.fetch(request);
      },
      batch: true,
    }),
  )
  .client(() => createApiClient({ baseUrl: window.location.origin, batch: true }));

function forwardedHeaders(incoming: Headers): Record<string, string> {
  const headers: Record<string, string> = { cookie: incoming.get("cookie") ?? "" };
  const ip = incoming.get("cf-connecting-ip");
  if (ip) headers["cf-connecting-ip"] = ip;
  return headers;
}

export const client: ApiClient = createClient();

export const orpc = createTanstackQueryUtils(client);
