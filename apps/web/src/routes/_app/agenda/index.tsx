import { EVENT_LIST_DIRECTIONS, type EventListDirection } from "@checkmark/api/schemas";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useRouter } from "@tanstack/react-router";
import { CalendarDays, History, Plus, Upload } from "lucide-react";
import { useEffect } from "react";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { cardClass, EmptyState, PageHeading } from "../../../components/page";
import { SegmentedNav, segmentClass } from "../../../components/segmented-nav";
import { searchChoice } from "../../../lib/search-params";
import { browserTimeZone, saveBrowserTimeZone, viewerTimeZone } from "../../../lib/time-zone";
import { addDays, dayKey, dayLabel, startOfDay } from "../../../lib/zoned-time";
import { groupByDay } from "./-agenda-days";
import { EventItem } from "./-event-item";
import { eventListQuery } from "./-queries";

/** `past` shows the events before today, latest first; upcoming ones when left out. */
const agendaSearch = (search: Record<string, unknown>): { when?: EventListDirection } => ({
  when: searchChoice(search.when, EVENT_LIST_DIRECTIONS),
});

export const Route = createFileRoute("/_app/agenda/")({
  validateSearch: agendaSearch,
  loaderDeps: ({ search }) => ({ when: search.when ?? "upcoming" }),
  // The zone and today's start travel with the page, so the browser hydrates the very days the
  // server rendered (docs/decisions/024).
  loader: async ({ context, deps }) => {
    const zone = viewerTimeZone();
    const from = startOfDay(new Date(), zone);
    await context.queryClient.ensureInfiniteQueryData(eventListQuery(deps.when, from));
    return { zone, from };
  },
  head: () => ({ meta: [{ title: "Agenda · Checkmark" }] }),
  component: AgendaPage,
});

/** After the first paint: if the server guessed another zone than the browser's, redo it. */
function useBrowserTimeZone(renderedZone: string) {
  const router = useRouter();
  useEffect(() => {
    saveBrowserTimeZone();
    if (renderedZone !== browserTimeZone()) void router.invalidate();
  }, [renderedZone, router]);
}

function AgendaPage() {
  const when = Route.useSearch().when ?? "upcoming";
  const { zone, from } = Route.useLoaderData();
  useBrowserTimeZone(zone);
  const list = useSuspenseInfiniteQuery(eventListQuery(when, from));
  const events = list.data.pages.flatMap((page) => page.items);
  const past = when === "past";
  const days = groupByDay(events, zone, past);
  const today = dayKey(from, zone);

  return (
    <section className="py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <PageHeading title="Agenda">
            {past ? "Your past events, latest first" : "Your upcoming events by day"}, in{" "}
            {zone.replaceAll("_", " ")} time.
          </PageHeading>
        </div>
        <div className="flex gap-2">
          <Link to="/agenda/import" className={secondaryButton("sm")}>
            <Upload aria-hidden className="size-4" />
            Import
          </Link>
          <Link to="/agenda/new" className={primaryButton("sm")}>
            <Plus aria-hidden className="size-4" />
            New event
          </Link>
        </div>
      </div>

      <div className="mt-6 flex">
        <SegmentedNav label="Which events">
          {EVENT_LIST_DIRECTIONS.map((direction) => (
            <li key={direction} className="flex-1 sm:flex-none">
              {/* The router marks a link current on its own when its search is a subset of the
                  page's, and "no `when`" is a subset of `?when=past`: it must match exactly. */}
              <Link
                to="/agenda"
                search={{ when: direction === "past" ? direction : undefined }}
                activeOptions={{ includeSearch: true, explicitUndefined: true }}
                aria-current={direction === when ? "page" : undefined}
                className={segmentClass}
              >
                {direction === "upcoming" ? "Upcoming" : "Past"}
              </Link>
            </li>
          ))}
        </SegmentedNav>
      </div>

      {days.length === 0 ? (
        past ? (
          <EmptyState icon={History} title="No past events">
            Events from before today show up here once their day has gone.
          </EmptyState>
        ) : (
          <EmptyState
            icon={CalendarDays}
            title="Nothing coming up"
            action={
              <div className="flex flex-wrap justify-center gap-2">
                <Link to="/agenda/new" className={primaryButton("sm")}>
                  Add an event
                </Link>
                <Link to="/agenda/import" className={secondaryButton("sm")}>
                  Import a calendar
                </Link>
              </div>
            }
          >
            Add an event, or import the .ics or .csv file your calendar app exports. They show up
            here by day, soonest first.
          </EmptyState>
        )
      ) : (
        <div className="mt-6 space-y-6">
          {days.map((day) => (
            <section key={day.key} aria-labelledby={`day-${day.key}`}>
              <DayHeading id={`day-${day.key}`} day={day.key} today={today} />
              <ul className={`mt-2 divide-y divide-line ${cardClass}`}>
                {day.events.map((event) => (
                  <EventItem key={event.id} event={event} zone={zone} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {list.hasNextPage && (
        <div className="mt-6 text-center">
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            className={secondaryButton("sm")}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
          {list.isFetchNextPageError && (
            <p role="alert" className="mt-2 text-sm text-danger">
              More events could not be loaded. Press Show more to try again.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** "Today · Thursday 26 November" next to today; otherwise the day's date alone. */
function DayHeading({ id, day, today }: { id: string; day: string; today: string }) {
  const date = dayLabel(day, { currentYear: today.slice(0, 4) });
  const near =
    day === today
      ? "Today"
      : day === addDays(today, 1)
        ? "Tomorrow"
        : day === addDays(today, -1)
          ? "Yesterday"
          : null;
  return (
    <h2 id={id} className="text-sm font-semibold text-ink">
      {near ?? date}
      {near && <span className="font-normal text-ink-muted"> · {date}</span>}
    </h2>
  );
}
