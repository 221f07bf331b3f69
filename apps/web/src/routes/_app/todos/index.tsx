import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/alert";
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
  const [error, setError] = useState<string | null>(null);
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
        <NewTodoForm onError={setError} />
      </div>

      {error && (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      )}

      {todos.length > 0 ? (
        <ul className={`mt-6 divide-y divide-slate-100 ${cardClass}`} aria-label="Todos">
          {todos.map((todo) => (
            <TodoItem key={todo.id} todo={todo} onError={setError} />
          ))}
        </ul>
      ) : (
        <EmptyState>
          Add your first todo above. It is saved to your account straight away.
        </EmptyState>
      )}

      {list.hasNextPage && (
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
          className="mx-auto mt-4 block rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {list.isFetchingNextPage ? "Loading…" : "Show older todos"}
        </button>
      )}
    </section>
  );
}
