import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useState } from "react";
import { cardClass, PageHeading } from "../../../../components/page";
import { SubmitButton } from "../../../../components/submit-button";
import { formatUtc } from "../../../../lib/format-time";
import { type client, orpc } from "../../../../lib/orpc";
import { CreateUserForm } from "./-create-user-form";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const formatUtcDay = (date: Date) => day.format(date);

type AdminUser = Awaited<ReturnType<typeof client.admin.users.list>>["items"][number];
type Sort = "createdAt" | "email" | "name";
interface ListInput {
  search?: string;
  sort: Sort;
  direction: "asc" | "desc";
  limit: number;
  cursor?: string;
}

const PAGE = 25;
const firstPage: ListInput = { sort: "createdAt", direction: "desc", limit: PAGE };
const usersQuery = (input: ListInput) => orpc.admin.users.list.queryOptions({ input });

export const Route = createFileRoute("/_app/admin/users/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(usersQuery(firstPage)),
  head: () => ({ meta: [{ title: "Users · Admin · Checkmark" }] }),
  component: UsersPage,
});

// Sorting and paging happen on the server (keyset pages); the table renders what it sends.
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, AdminUser>();
const columns = helper.columns([
  helper.accessor("email", {
    header: "User",
    cell: ({ row }) => (
      <Link
        to="/admin/users/$userId"
        params={{ userId: row.original.id }}
        className="block max-w-64 font-medium text-accent hover:underline"
      >
        <span className="block truncate">{row.original.name}</span>
        <span className="block truncate text-xs font-normal text-ink-muted">
          {row.original.email}
        </span>
      </Link>
    ),
  }),
  helper.accessor("role", {
    header: "Role",
    cell: ({ getValue }) =>
      getValue() === "admin" ? (
        <Badge tone="indigo">admin</Badge>
      ) : (
        <span className="text-ink-muted">user</span>
      ),
  }),
  helper.accessor("emailVerified", {
    header: "Confirmed",
    cell: ({ getValue }) => (getValue() ? "yes" : <span className="text-ink-muted">no</span>),
  }),
  helper.accessor("banned", {
    header: "Banned",
    cell: ({ getValue }) =>
      getValue() ? <Badge tone="red">banned</Badge> : <span className="text-ink-muted">no</span>,
  }),
  helper.accessor("lastSeenAt", {
    header: "Last seen",
    cell: ({ getValue }) => {
      const value = getValue();
      return value ? (
        <time title={formatUtc(value)}>{formatUtcDay(value)}</time>
      ) : (
        <span className="text-ink-muted">never</span>
      );
    },
  }),
  helper.accessor("createdAt", {
    header: "Joined",
    cell: ({ getValue }) => <time title={formatUtc(getValue())}>{formatUtcDay(getValue())}</time>,
  }),
]);

const sortable: Partial<Record<string, Sort>> = { email: "email", createdAt: "createdAt" };

function Badge({ tone, children }: { tone: "indigo" | "red"; children: string }) {
  const colors = tone === "red" ? "bg-danger-surface text-danger" : "bg-surface-muted text-accent";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colors}`}>{children}</span>
  );
}

function UsersPage() {
  const [input, setInput] = useState<ListInput>(firstPage);
  // Cursors of the pages before this one, for "Previous".
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const [search, setSearch] = useState("");
  const { data, isFetching } = useQuery({
    ...usersQuery(input),
    placeholderData: keepPreviousData,
  });
  const rows = data?.items ?? noRows;
  const table = useTable({ features, columns, data: rows });

  const sortBy = (sort: Sort) => {
    const direction = input.sort === sort && input.direction === "asc" ? "desc" : "asc";
    setPrevious([]);
    setInput({ ...input, sort, direction, cursor: undefined });
  };

  return (
    <section className="py-8">
      <PageHeading title="Users">
        Find an account by email or name; open it to act on it.
      </PageHeading>
      <form
        className="mt-6 flex gap-2"
        aria-label="Search users"
        onSubmit={(event) => {
          event.preventDefault();
          setPrevious([]);
          setInput({ ...input, search: search.trim() || undefined, cursor: undefined });
        }}
      >
        <input
          type="search"
          aria-label="Search users by email or name"
          placeholder="Email or name"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="min-w-0 flex-1 rounded-lg border border-line-strong px-3 py-2 text-sm"
        />
        <SubmitButton className="rounded-lg bg-accent-solid px-4 py-2 text-sm font-medium text-white hover:bg-accent-solid-hover disabled:opacity-50">
          Search
        </SubmitButton>
      </form>
      <div className={`mt-4 overflow-x-auto ${cardClass}`} aria-busy={isFetching}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line bg-surface-muted text-xs uppercase tracking-wide text-ink-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sort = sortable[header.column.id];
                  const active = sort && input.sort === sort;
                  return (
                    <th
                      key={header.id}
                      className="whitespace-nowrap px-3 py-2 font-medium"
                      aria-sort={
                        active
                          ? input.direction === "asc"
                            ? "ascending"
                            : "descending"
                          : undefined
                      }
                    >
                      {sort ? (
                        <button
                          type="button"
                          onClick={() => sortBy(sort)}
                          className="uppercase hover:text-ink"
                        >
                          <table.FlexRender header={header} />
                          {active ? (input.direction === "asc" ? " ↑" : " ↓") : ""}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-line">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-ink-muted">
                  No users match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex justify-between">
        <button
          type="button"
          disabled={previous.length === 0}
          onClick={() => {
            setInput({ ...input, cursor: previous.at(-1) });
            setPrevious(previous.slice(0, -1));
          }}
          className="rounded-lg border border-line-strong px-3 py-1.5 text-sm disabled:opacity-40"
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!data?.nextCursor}
          onClick={() => {
            setPrevious([...previous, input.cursor]);
            setInput({ ...input, cursor: data?.nextCursor ?? undefined });
          }}
          className="rounded-lg border border-line-strong px-3 py-1.5 text-sm disabled:opacity-40"
        >
          Next
        </button>
      </div>
      <CreateUserForm />
    </section>
  );
}

const noRows: AdminUser[] = [];
