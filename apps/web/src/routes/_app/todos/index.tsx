import { TODO_SEARCH_DEFAULTS, type TodoCounts, type TodoSearch } from "@checkmark/api/schemas";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { createFileRoute, stripSearchParams } from "@tanstack/react-router";
import { LoaderCircle } from "lucide-react";
import { LoadError } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { cardClass, PageHeading } from "../../../components/page";
import { useSignedInUser } from "../../../lib/session";
import { useLiveUpdates } from "../../../lib/use-live-updates";
import { useToday } from "../../../lib/use-today";
import { addTodoFromForm } from "./-add-todo.server";
import { useClearCompleted, useTodoRowActions } from "./-mutations";
import { NewTodoForm } from "./-new-todo-form";
import { loadTodos, todoCountsQuery, todoListQuery } from "./-queries";
import { todoSearchFromUrl } from "./-search";
import { TodoEmptyState } from "./-todo-empty";
import { TodoFilters } from "./-todo-filters";
import { TodoItem } from "./-todo-item";

export const Route = createFileRoute("/_app/todos/")({
  validateSearch: todoSearchFromUrl,
  // The defaults stay out of the URL.
  search: { middlewares: [stripSearchParams(TODO_SEARCH_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  // The new-todo form posted without a script (docs/decisions/101): added, the answer is a
  // redirect back here; refused, this page renders again with what was typed and why.
  server: {
    handlers: {
      POST: async ({ request, next }) => {
        const answer = await addTodoFromForm(request);
        return answer instanceof Response ? answer : next({ context: { refusedTodo: answer } });
      },
    },
  },
  // Awaited when the page opens (during SSR too, so the first HTML already lists the filtered
  // todos). When only the filters change, the page keeps showing the last result while the
  // new one loads, instead of swapping the search box for a loading page.
  loader: async ({ context, deps, cause, serverContext }) => {
    const loading = loadTodos(context.queryClient, deps);
    if (cause === "stay")
      loading.catch(() => {}); // the list shows its own error
    else await loading;
    return { refusedTodo: serverContext?.refusedTodo };
  },
  head: () => ({ meta: [{ title: "Your todos · Checkmark" }] }),
  component: TodosPage,
});

function TodosPage() {
  const user = useSignedInUser();
  const search = Route.useSearch();
  const { refusedTodo } = Route.useLoaderData();
  useLiveUpdates();
  const list = useInfiniteQuery({ ...todoListQuery(search), placeholderData: keepPreviousData });
  const counts = useQuery({ ...todoCountsQuery(search.q), placeholderData: keepPreviousData });
  const todos = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = list.isPlaceholderData && list.isFetching;
  const today = useToday();
  const actions = useTodoRowActions(search);

  return (
    <section className="py-10">
      <PageHeading title="Your todos">
        Hello {user.name}. {summary(search, counts.data)}
      </PageHeading>

      <div className={`mt-6 p-4 ${cardClass}`}>
        <NewTodoForm search={search} refused={refusedTodo} />
      </div>

      {/* Nothing to search, filter or sort before the first todo: the empty list says what to do. */}
      {!(counts.data?.all === 0 && !search.q) && (
        <div className="mt-6">
          <TodoFilters search={search} counts={counts.data} />
        </div>
      )}

      <p role="status" className="mt-2 flex h-5 items-center gap-2 text-sm text-ink-muted">
        {updating && (
          <>
            <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />
            Updating the list…
          </>
        )}
      </p>

      {list.isError && (
        <LoadError
          className="mt-2"
          error={list.error}
          fallback="Your todos could not be loaded."
          onRetry={() => void list.refetch()}
        />
      )}

      {list.isPending ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-ink-muted">
          <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />
          Loading your todos…
        </p>
      ) : todos.length > 0 ? (
        <ul
          className={`mt-2 divide-y divide-line transition-opacity ${cardClass} ${updating ? "opacity-60" : ""}`}
          aria-label="Todos"
          aria-busy={updating || undefined}
        >
          {todos.map((todo) => (
            <TodoItem key={todo.id} todo={todo} today={today} actions={actions} />
          ))}
        </ul>
      ) : (
        !list.isError && <TodoEmptyState search={search} counts={counts.data} />
      )}

      <ListFooter
        search={search}
        completed={counts.data?.completed ?? 0}
        more={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
      />
    </section>
  );
}

function summary(search: TodoSearch, counts: TodoCounts | undefined) {
  if (!counts) return "";
  if (search.q) {
    return `${counts.all === 1 ? "1 todo matches" : `${counts.all} todos match`} “${search.q}”.`;
  }
  if (counts.all === 0) return "Nothing on your list yet.";
  return `${counts.active} of ${counts.all} still to do.`;
}

function ListFooter(props: {
  search: TodoSearch;
  completed: number;
  more: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const clear = useClearCompleted(props.search);
  const canClear = props.completed > 0 && props.search.status !== "active";
  if (!props.more && !canClear) return null;
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {props.more ? (
        <button
          type="button"
          onClick={props.onMore}
          disabled={props.loadingMore}
          className={secondaryButton("sm")}
        >
          {props.loadingMore ? "Loading…" : "Show more todos"}
        </button>
      ) : (
        <span />
      )}
      {canClear && (
        <button
          type="button"
          onClick={() => {
            if (!clear.isPending) clear.mutate({});
          }}
          aria-disabled={clear.isPending || undefined}
          className={secondaryButton("sm")}
        >
          Clear completed ({props.completed})
        </button>
      )}
    </div>
  );
}
