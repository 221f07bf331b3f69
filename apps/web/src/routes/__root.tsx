import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  HeadContent,
  isNotFound,
  Outlet,
  Scripts,
} from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { Header } from "../components/header";
import { ImpersonationBanner } from "../components/impersonation-banner";
import { ThemeProvider, useTheme } from "../components/theme";
import { ToastHost } from "../components/toast-host";
import { reportUncaughtErrors } from "../lib/report-error";
import { loadSessionUser } from "../lib/session";
import { readTheme } from "../lib/theme";
import appCss from "../styles.css?url";

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  beforeLoad: () => ({ theme: readTheme() }),
  // The session is read in a loader (cached in the query client), beside the page's own
  // loaders, so one page render is one batched request to the server (docs/decisions/083).
  loader: async ({ context }) => ({ user: await loadSessionUser(context.queryClient) }),
  // Each page sets its own title; this one stands for pages that have none, like the 404.
  head: ({ matches }) => ({
    meta: [
      { charSet: "utf-8" },
      { name: "viewport", content: "width=device-width, initial-scale=1" },
      {
        // Only the root matched (nothing lives at this path), or a page said it is not there.
        title:
          matches.length === 1 || matches.some((match) => isNotFound(match.error))
            ? "Page not found · Checkmark"
            : "Checkmark",
      },
      { name: "description", content: "A calm place for the things you need to do." },
    ],
    links: [
      { rel: "stylesheet", href: appCss },
      { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
    ],
  }),
  // The document renders around every page, the root's own error too: a visitor whose session
  // read failed (rate-limited, server down) still gets the styles, and the scripts that make
  // "Try again" work.
  shellComponent: RootShell,
  component: RootComponent,
});

function RootShell({ children }: { children: ReactNode }) {
  const { theme } = Route.useRouteContext();
  return (
    <ThemeProvider initial={theme}>
      <RootDocument>{children}</RootDocument>
    </ThemeProvider>
  );
}

function RootComponent() {
  const { user } = Route.useLoaderData();
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium text-accent shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      {user?.impersonator && <ImpersonationBanner user={user} />}
      <Header user={user} />
      {/* Forms other than the new todo wait for the page's script (docs/decisions/101). */}
      <noscript>
        <p className="mx-auto max-w-4xl px-4 pt-4 text-sm text-ink-muted">
          JavaScript is off: you can read your pages and add todos, but other forms need it.
        </p>
      </noscript>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 pb-16 focus:outline-none">
        <Outlet />
      </main>
      <ToastHost />
    </>
  );
}

function RootDocument({ children }: { children: ReactNode }) {
  const { theme } = useTheme();
  // Lets browser tests (and people debugging) tell when the page has become interactive.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
    return reportUncaughtErrors();
  }, []);
  return (
    // The server renders the saved theme here, so the first paint already has its colours.
    <html lang="en" data-theme={theme}>
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
