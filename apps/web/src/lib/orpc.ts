import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { createTanstackQueryUtils } from "@orpc/tanstack-query";
import { createIsomorphicFn } from "@tanstack/react-start";
import { getRequestHeaders } from "@tanstack/react-start/server";

// During SSR the call goes straight to the server Worker over the service binding, carrying
// the visitor's cookie; in the browser it is a same-origin fetch to /rpc.
const createLink = createIsomorphicFn()
  .server(
    () =>
      new RPCLink({
        url: "http://server.internal/rpc",
        headers: () => ({ cookie: getRequestHeaders().get("cookie") ?? "" }),
        fetch: async (request) => {
          const { env } = await import("cloudflare:workers");
          return env.SERVER.fetch(request);
        },
      }),
  )
  .client(() => new RPCLink({ url: `${window.location.origin}/rpc` }));

export const client: AppRouterClient = createORPCClient(createLink());

export const orpc = createTanstackQueryUtils(client);
