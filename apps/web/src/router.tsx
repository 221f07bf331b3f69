import { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { setupRouterSsrQueryIntegration } from "@tanstack/react-router-ssr-query";
import { createIsomorphicFn, getGlobalStartContext } from "@tanstack/react-start";
import { NotFound } from "./components/not-found";
import { PagePending } from "./components/page-pending";
import { RouteError } from "./components/route-error";
import { routeTree } from "./routeTree.gen";

// The CSP nonce the web Worker minted for this response; inline scripts must carry it.
const requestNonce = createIsomorphicFn()
  .server(() => getGlobalStartContext()?.nonce)
  .client(() => undefined);

// A fresh router and query cache per request on the server; one per tab in the browser.
export function getRouter() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false } },
  });
  const router = createRouter({
    routeTree,
    context: { queryClient },
    scrollRestoration: true,
    defaultPreload: "intent",
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: () => <NotFound />,
    // Shown when a page's data takes a while (after defaultPendingMs, 1 s) instead of nothing.
    defaultPendingComponent: PagePending,
    ssr: { nonce: requestNonce() },
  });
  setupRouterSsrQueryIntegration({ router, queryClient });
  return router;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof getRouter>;
  }
}

declare module "@tanstack/react-start" {
  interface Register {
    /** What the web Worker's entry hands to Start with each request (src/server.ts). */
    server: { requestContext: { nonce?: string } };
  }
}
