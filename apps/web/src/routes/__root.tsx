import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, HeadContent, Outlet, Scripts } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { Header } from "../components/header";
import { reportUncaughtErrors } from "../lib/report-error";
import { type SessionUser, sessionQuery } from "../lib/session";
import appCss from "../styles.css?url";

export interface RouterContext {
  queryClient: QueryClient;
  user: SessionUser | null;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // Resolved once per navigation (cached in the query client), read by every guard below.
  beforeLoad: async ({ context }) => ({
    user: await context.queryClient.ensureQueryData(sessionQuery()),
  }),
  head: () => ({
    meta: [
      { charSet: "utf-8" },
      { name: "viewport", content: "width=device-width, initial-scale=1" },
      { title: "Checkmark" },
      { name: "description", content: "A calm place for the things you need to do." },
    ],
    links: [
      { rel: "stylesheet", href: appCss },
      { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
    ],
  }),
  component: RootComponent,
});

function RootComponent() {
  const { user } = Route.useRouteContext();
  return (
    <RootDocument>
      <Header user={user} />
      <main className="mx-auto max-w-3xl px-4">
        <Outlet />
      </main>
    </RootDocument>
  );
}

function RootDocument({ children }: { children: ReactNode }) {
  // Lets browser tests (and people debugging) tell when the page has become interactive.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
    return reportUncaughtErrors();
  }, []);
  return (
    <html lang="en">
      <head>
        <HeadContent />
      </head>
      <body className="min-h-screen">
        {children}
        <Scripts />
      </body>
    </html>
  );
}
