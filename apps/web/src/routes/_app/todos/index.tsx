import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { ListChecks } from "lucide-react";
import { secondaryButton } from "../../../components/button-styles";
import { cardClass, EmptyState, PageHeading } from "../../../components/page";
import { useLiveUpdates } from "../../../lib/use-live-updates";
import { NewTodoForm } from "./-new-todo-form";
import { todoListQuery } from "./-queries";
import { TodoItem } from "./-todo-item";

export const Route = createFileRoute("/_app/todos/")({
  // Awaited during SSR, so the first HTML response already lists the todos.
  loader: ({ context }) => context.queryClient.ensureInfiniteQueryData(todoListQuery()),
  head: () => ({ meta: [{ title: "Your todos · Checkmark" }] }),
  component: TodosPage,
});

function TodosPage() {
  const { user } = Route.useRouteContext();
  useLiveUpdates();
  const list = useSuspenseInfiniteQuery(todoListQuery());
  const todos = list.data.pages.flatMap((page) => page.items);
  const open = todos.filter((todo) => !todo.completed).length;

  return (
    <section className="py-10">
      <PageHeading title="Your todos">
        Hello {user.name}.{" "}
        {todos.length === 0
          ? "Nothing on your list yet."
          : `${open} of ${todos.length}${list.hasNextPage ? "+" : ""} still to do.`}
      </PageHeading>

      <div className={`mt-6 p-4 ${cardClass}`}>
        <NewTodoForm />
      </div>

      {todos.length > 0 ? (
        <ul className={`mt-6 divide-y divide-line ${cardClass}`} aria-label="Todos">
          {todos.map((todo) => (
            <TodoItem key={todo.id} todo={todo} />
          ))}
        </ul>
      ) : (
        <EmptyState icon={ListChecks} title="Your list is empty">
          Write your first todo in the box above and press Add. It is saved to your account straight
          away, on every device you sign in on.
        </EmptyState>
      )}

      {list.hasNextPage && (
        <div className="mt-4 text-center">
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            className={secondaryButton("sm")}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show older todos"}
          </button>
        </div>
      )}
    </section>
  );
}
