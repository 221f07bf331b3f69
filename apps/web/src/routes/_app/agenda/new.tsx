import { createFileRoute, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { cardClass, PageHeading } from "../../../components/page";
import { browserTimeZone, saveBrowserTimeZone, viewerTimeZone } from "../../../lib/time-zone";
import { EventForm, newEventValues } from "./-event-form";

export const Route = createFileRoute("/_app/agenda/new")({
  // Rendered on the server with the form in place: the defaults (the next full hour, in the
  // viewer's zone from the tz cookie) travel with the page, so the browser hydrates the very
  // values the server rendered.
  loader: () => newEventValues(new Date(), viewerTimeZone()),
  head: () => ({ meta: [{ title: "New event · Checkmark" }] }),
  component: NewEventPage,
});

function NewEventPage() {
  const initial = Route.useLoaderData();
  const router = useRouter();
  // Without the cookie (a first visit) the server guessed UTC: once hydrated, the browser's
  // own zone gives the defaults again.
  useEffect(() => {
    saveBrowserTimeZone();
    if (initial.timeZone !== browserTimeZone()) void router.invalidate();
  }, [initial.timeZone, router]);
  return (
    <section className="py-10">
      <PageHeading title="New event">
        Times are in the event's time zone; the agenda shows them in yours.
      </PageHeading>
      <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
        <EventForm key={`${initial.timeZone} ${initial.start}`} initial={initial} />
      </div>
    </section>
  );
}
