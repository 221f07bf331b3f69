// Browser-safe entry (`@checkmark/api/client`): the typed client and its types only. The router
// is imported for its type alone, so no server code reaches a bundle that imports this file.
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { BatchLinkPlugin } from "@orpc/client/plugins";
import type { RouterClient } from "@orpc/server";
import type { AppRouter } from "./router";

export { isDefinedError, ORPCError, safe } from "@orpc/client";
export type { AppRouter } from "./router";
export type { Todo } from "./todo/schema";

/** The typed client of every procedure: inputs, outputs and defined errors inferred. */
export type ApiClient = RouterClient<AppRouter>;

export interface ApiClientOptions {
  /** The app's origin, e.g. `https://checkmark.example.com`; calls go to `${baseUrl}/rpc`. */
  baseUrl: string | URL | (() => string | URL);
  /** An API key from the settings page; sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Extra headers for every call (a function is called per request). */
  headers?:
    | Record<string, string>
    | (() => Record<string, string> | Promise<Record<string, string>>);
  /** A fetch of your own: another Worker's service binding, a test double, a proxy. */
  fetch?: (request: Request, init?: RequestInit) => Response | Promise<Response>;
  /**
   * Send the calls made in the same tick as one request (`/rpc/__batch__`). `"buffered"`: the
   * answer comes back as one JSON body once every call is done, for a caller that waits for
   * all of them anyway (a server render); `true` streams each answer as it is ready.
   */
  batch?: boolean | "buffered";
}

/** Procedures that answer with an event iterator: each goes as a request of its own. */
const STREAMING_PATHS = new Set(["event.import"]);

/** A typed oRPC client for browsers, Node scripts and other Workers. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl;
  const customFetch = options.fetch;
  const link = new RPCLink({
    url: () => new URL("/rpc", typeof base === "function" ? base() : base),
    headers: async () => {
      const extra =
        typeof options.headers === "function" ? await options.headers() : (options.headers ?? {});
      return options.apiKey ? { ...extra, authorization: `Bearer ${options.apiKey}` } : extra;
    },
    ...(customFetch ? { fetch: async (request: Request) => customFetch(request) } : {}),
    // Streaming procedures (event iterators) cannot be batched (STACK-NOTES 20).
    plugins: options.batch
      ? [
          new BatchLinkPlugin({
            groups: [{ condition: () => true, context: {} }],
            mode: options.batch === "buffered" ? "buffered" : "streaming",
            exclude: ({ path }) => STREAMING_PATHS.has(path.join(".")),
          }),
        ]
      : [],
  });
  return createORPCClient(link);
}
