import { createFileRoute, Link } from "@tanstack/react-router";
import { CalendarDays } from "lucide-react";
import { secondaryButton } from "../../components/button-styles";
import { EmptyState, PageHeading } from "../../components/page";

// Events arrive with the event API; until then the page says what it will hold.
export const Route = createFileRoute("/_app/agenda")({
  head: () => ({ meta: [{ title: "Agenda · Checkmark" }] }),
  component: AgendaPage,
});

function AgendaPage() {
  return (
    <section className="py-10">
      <PageHeading title="Agenda">Your upcoming events, soonest first.</PageHeading>
      <EmptyState
        icon={CalendarDays}
        title="No events yet"
        action={
          <Link to="/todos" className={secondaryButton("sm")}>
            Go to your todos
          </Link>
        }
      >
        When you have events planned, they show up here by day. Until then, keep what needs doing on
        your todo list.
      </EmptyState>
    </section>
  );
}
