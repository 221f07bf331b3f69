import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { Bug } from "lucide-react";
import { LocalTime } from "../../../components/local-time";
import { cardClass, EmptyState, PageHeading } from "../../../components/page";
import { orpc } from "../../../lib/orpc";

const errorsQuery = () => orpc.admin.frontendErrors.list.queryOptions({ input: { limit: 100 } });

// Admins only: the /admin layout (route.tsx) makes it a 404 for everyone else.
export const Route = createFileRoute("/_app/admin/errors")({
  loader: ({ context }) => context.queryClient.ensureQueryData(errorsQuery()),
  head: () => ({ meta: [{ title: "Browser errors · Admin · Checkmark" }] }),
  component: BrowserErrorsPage,
});

function BrowserErrorsPage() {
  const { data: errors } = useSuspenseQuery(errorsQuery());
  return (
    <section className="py-10">
      <PageHeading title="Browser errors">
        The 100 errors that visitors' browsers reported most recently, each once with how often it
        came. Quote the request id of the latest report when you search the server logs.
      </PageHeading>
      {errors.length === 0 ? (
        <EmptyState icon={Bug} title="No browser has reported an error">
          Nothing to do for now. When a page fails in a visitor's browser, the error shows up here
          with how often it happened and the request id to look for in the server logs.
        </EmptyState>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Reported errors">
          {errors.map((error) => (
            <li key={error.id} className={`p-4 ${cardClass}`}>
              <article aria-label={error.message}>
                <p className="break-words font-medium">{error.message}</p>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-ink-muted">
                  <dt className="font-medium">Reported</dt>
                  <dd>{error.count === 1 ? "1 time" : `${error.count} times`}</dd>
                  <dt className="font-medium">First seen</dt>
                  <dd>
                    <LocalTime date={error.createdAt} />
                  </dd>
                  <dt className="font-medium">Last seen</dt>
                  <dd>
                    <LocalTime date={error.lastSeenAt} />
                  </dd>
                  <dt className="font-medium">Page</dt>
                  <dd className="break-all">{error.url}</dd>
                  <dt className="font-medium">Browser</dt>
                  <dd className="break-all">{error.userAgent ?? "unknown"}</dd>
                  <dt className="font-medium">Request id</dt>
                  <dd className="font-mono">{error.requestId}</dd>
                </dl>
                {error.stack && (
                  <pre
                    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls; keyboard users need focus to scroll it (WCAG 2.1.1).
                    tabIndex={0}
                    className="mt-3 max-h-48 overflow-auto rounded-lg bg-surface-muted p-3 text-xs"
                  >
                    {error.stack}
                  </pre>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
