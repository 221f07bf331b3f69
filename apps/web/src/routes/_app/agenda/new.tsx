import { createFileRoute } from "@tanstack/react-router";
import { cardClass, PageHeading } from "../../../components/page";
import { EventForm, newEventValues } from "./-event-form";

export const Route = createFileRoute("/_app/agenda/new")({
  // Rendered in the browser only: its defaults (the browser's zone and clock) and its list of
  // zones (the browser's Intl) are not the server's to guess.
  ssr: false,
  head: () => ({ meta: [{ title: "New event · Checkmark" }] }),
  component: NewEventPage,
});

function NewEventPage() {
  return (
    <section className="py-10">
      <PageHeading title="New event">
        Times are in the event's time zone; the agenda shows them in yours.
      </PageHeading>
      <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
        <EventForm initial={newEventValues()} />
      </div>
    </section>
  );
}
