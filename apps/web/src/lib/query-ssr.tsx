import { dehydrate, hydrate, type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AnyRouter } from "@tanstack/react-router";
import type { ReactNode } from "react";

/**
 * Sends a server render's query cache to the browser with the router's own state, as it stands
 * once the loaders are done, and gives the app its QueryClientProvider (docs/decisions/105).
 *
 * Instead of @tanstack/react-router-ssr-query, which also streams queries that resolve during
 * the render: a string render waits for none, and that stream kept the router from writing its
 * scripts during the render: it passed the finished HTML through its stream transform again.
 * Every page's data comes from awaited loaders; a query first fetched during a render is
 * fetched again by the browser.
 */
export function shareQueryCacheWithBrowser(router: AnyRouter, queryClient: QueryClient) {
  // Every query, errors too, as the integration did; their data is oRPC answers (plain data and
  // Dates), which the router's serializer writes.
  router.options.dehydrate = () => ({
    queries: dehydrate(queryClient, { shouldDehydrateQuery: () => true }),
  });
  router.options.hydrate = (dehydrated: { queries: ReturnType<typeof dehydrate> }) => {
    hydrate(queryClient, dehydrated.queries);
  };
  const Wrap = router.options.Wrap;
  router.options.Wrap = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      {Wrap ? <Wrap>{children}</Wrap> : children}
    </QueryClientProvider>
  );
}
