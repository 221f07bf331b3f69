import {
  TODO_SEARCH_MAX,
  type TodoCounts,
  type TodoSearch,
  type TodoSort,
  type TodoStatus,
} from "@checkmark/api/schemas";
import { Link, useNavigate } from "@tanstack/react-router";
import { useCallback, useId } from "react";
import { SearchInput } from "../../../components/search-input";
import { Segment, SegmentedNav, segmentClass } from "../../../components/segmented-nav";

const STATUS_LABELS: Record<TodoStatus, string> = {
  all: "All",
  active: "Active",
  completed: "Completed",
};

const SORT_LABELS: Record<TodoSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  due: "Due date",
};

/**
 * Search, status and order of the list, all kept in the URL (so a view survives a reload
 * and can be shared). Before JavaScript loads, the search box submits as a plain GET form.
 * Search, tabs and sort are one height: 42 px like every field, 44 px under a finger.
 */
export function TodoFilters({ search, counts }: { search: TodoSearch; counts?: TodoCounts }) {
  const navigate = useNavigate({ from: "/todos/" });
  const sortId = useId();
  const setQuery = useCallback(
    (q: string) =>
      void navigate({ search: (prev) => ({ ...prev, q: q.trim() || undefined }), replace: true }),
    [navigate],
  );

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
      <search className="min-w-0 sm:max-w-xs sm:flex-1">
        <form
          method="get"
          action="/todos"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(String(new FormData(event.currentTarget).get("q") ?? ""));
          }}
        >
          <SearchInput
            label="Search todos"
            name="q"
            placeholder="Search todos"
            maxLength={TODO_SEARCH_MAX}
            value={search.q ?? ""}
            onSearch={setQuery}
          />
          {search.status !== "all" && <input type="hidden" name="status" value={search.status} />}
          {search.sort !== "newest" && <input type="hidden" name="sort" value={search.sort} />}
        </form>
      </search>

      <SegmentedNav label="Show todos">
        {(Object.keys(STATUS_LABELS) as TodoStatus[]).map((status) => (
          <li key={status} className="flex-1 sm:flex-none">
            <Link
              to="/todos"
              search={(prev) => ({ ...prev, status })}
              aria-current={search.status === status ? "page" : undefined}
              className={segmentClass}
            >
              <Segment label={STATUS_LABELS[status]} count={counts?.[status]} />
            </Link>
          </li>
        ))}
      </SegmentedNav>

      <div className="flex items-center gap-2 sm:ml-auto">
        <label htmlFor={sortId} className="text-sm text-ink-muted">
          Sort
        </label>
        <select
          id={sortId}
          value={search.sort}
          onChange={(event) =>
            void navigate({
              search: (prev) => ({ ...prev, sort: event.target.value as TodoSort }),
            })
          }
          className="h-10.5 rounded-lg border border-field-border bg-surface pr-8 pl-3 text-sm text-ink shadow-sm pointer-coarse:h-11"
        >
          {(Object.keys(SORT_LABELS) as TodoSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
