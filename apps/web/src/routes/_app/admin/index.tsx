import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { LocalTime } from "../../../components/local-time";
import { cardClass, PageHeading } from "../../../components/page";
import { type client, orpc } from "../../../lib/orpc";

const overviewQuery = () => orpc.admin.overview.queryOptions();

type Days = Awaited<ReturnType<typeof client.admin.overview>>["days"];

/**
 * The box the chart is drawn in. uPlot is imported only here and only in the browser (the SSR
 * build drops the import), so no other page and not the server bundle carries it.
 */
function ActivityChart({ days }: { days: Days }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (import.meta.env.SSR || !box.current) return;
    let undo: (() => void) | undefined;
    let cancelled = false;
    const element = box.current;
    import("./-activity-chart").then(({ drawActivityChart }) => {
      if (!cancelled) undo = drawActivityChart(element, days);
    });
    return () => {
      cancelled = true;
      undo?.();
    };
  }, [days]);
  return (
    <div
      ref={box}
      className="h-full w-full"
      role="img"
      aria-label="Sign-ups and active users per day"
    />
  );
}

export const Route = createFileRoute("/_app/admin/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(overviewQuery()),
  head: () => ({ meta: [{ title: "Admin · Checkmark" }] }),
  component: OverviewPage,
});

function OverviewPage() {
  const { data } = useSuspenseQuery(overviewQuery());
  const counts = [
    { label: "Users", value: data.users },
    { label: "Confirmed", value: data.confirmedUsers },
    { label: "Todos", value: data.todos },
    { label: "Events", value: data.events },
  ];
  return (
    <section className="py-8">
      <PageHeading title="Overview">How many people use Checkmark, and how much.</PageHeading>
      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map((count) => (
          <div key={count.label} className={`p-4 ${cardClass}`}>
            <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">
              {count.label}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{count.value}</dd>
          </div>
        ))}
      </dl>
      {/* The counts are shared by every admin for up to a minute (docs/decisions/065). */}
      <p className="mt-2 text-xs text-ink-muted">
        Counted <LocalTime date={data.countedAt} /> (recounted at most once a minute).
      </p>
      <figure className={`mt-6 p-4 ${cardClass}`}>
        <figcaption className="text-sm font-medium text-ink">
          Sign-ups and active users per day, last 30 days (UTC)
        </figcaption>
        <p className="mt-1 text-xs text-ink-muted">
          Active: signed in, or used a session Checkmark refreshed, that day.
        </p>
        <div className="mt-3 h-56" data-testid="activity-chart">
          <ActivityChart days={data.days} />
        </div>
      </figure>
    </section>
  );
}
