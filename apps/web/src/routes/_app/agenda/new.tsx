import { createFileRoute } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { cardClass, PageHeading } from "../../../components/page";
import { browserTimeZone, saveBrowserTimeZone, viewerTimeZone } from "../../../lib/time-zone";
import { EventForm, type EventFormValues, newEventValues } from "./-event-form";

export const Route = createFileRoute("/_app/agenda/new")({
  // Rendered on the server with the form in place: the defaults (the next full hour, in the
  // viewer's zone from the tz cookie) travel with the page, so the browser hydrates the very
  // values the server rendered.
  loader: () => newEventValues(new Date(), viewerTimeZone()),
  head: () => ({ meta: [{ title: "New event · Checkmark" }] }),
  component: NewEventPage,
});

function NewEventPage() {
  const [defaults, setDefaults] = useState<EventFormValues>(Route.useLoaderData());
  // Without the cookie (a first visit) the server guessed UTC, and the hour may have turned
  // since it rendered: the browser works the defaults out again. The form takes new defaults
  // only while no field has been touched (TanStack Form's `update`), so nothing typed is lost.
  useEffect(() => {
    saveBrowserTimeZone();
    setDefaults(newEventValues(new Date(), browserTimeZone()));
  }, []);
  return (
    <section className="py-10">
      <PageHeading title="New event">
        Times are in the event's time zone; the agenda shows them in yours.
      </PageHeading>
      <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
        <EventForm initial={defaults} />
      </div>
    </section>
  );
}
