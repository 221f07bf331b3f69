import type { TodoCounts, TodoSearch } from "@checkmark/api/schemas";
import { Link } from "@tanstack/react-router";
import { ListChecks, Search } from "lucide-react";
import { secondaryButton } from "../../../components/button-styles";
import { EmptyState } from "../../../components/page";

/** What an empty list says: why it is empty under these filters, and the way out. */
export function TodoEmptyState({ search, counts }: { search: TodoSearch; counts?: TodoCounts }) {
  if (search.q) {
    return (
      <EmptyState
        icon={Search}
        title={`Nothing matches “${search.q}”`}
        action={
          <Link
            to="/todos"
            search={(prev) => ({ ...prev, q: undefined })}
            className={secondaryButton("sm")}
          >
            Clear the search
          </Link>
        }
      >
        {search.status === "all"
          ? "No todo has that text. Try fewer letters, or clear the search."
          : `No ${search.status} todo has that text. Try fewer letters, or clear the search.`}
      </EmptyState>
    );
  }
  const showAll = (
    <Link
      to="/todos"
      search={(prev) => ({ ...prev, status: "all" })}
      className={secondaryButton("sm")}
    >
      Show all todos
    </Link>
  );
  if (search.status === "completed") {
    return (
      <EmptyState icon={ListChecks} title="No completed todos yet" action={showAll}>
        Tick a todo when it is done and it shows up here.
      </EmptyState>
    );
  }
  if (search.status === "active") {
    return (
      <EmptyState icon={ListChecks} title="Nothing left to do" action={showAll}>
        {counts?.all
          ? "Every todo on your list is done. Add the next one above."
          : "Your list is empty. Add a todo above and it shows up here."}
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={ListChecks} title="Your list is empty">
      Write your first todo in the box above and press Add. It is saved to your account straight
      away, on every device you sign in on.
    </EmptyState>
  );
}
