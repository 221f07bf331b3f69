import { USER_SEARCH_MAX, type UserSort } from "@checkmark/api/schemas";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, stripSearchParams } from "@tanstack/react-router";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { LoadError } from "../../../../components/alert";
import { primaryButton } from "../../../../components/button-styles";
import { fieldInputClass } from "../../../../components/labelled-field";
import { LocalTime } from "../../../../components/local-time";
import { cardClass, PageHeading } from "../../../../components/page";
import { PageButtons } from "../../../../components/page-buttons";
import { type client, orpc } from "../../../../lib/orpc";
import { usePageCursors } from "../../../../lib/use-page-cursors";
import { CreateUserForm } from "./-create-user-form";
import { USER_LIST_URL_DEFAULTS, type UserListSearch, userSearchFromUrl } from "./-search";

type AdminUser = Awaited<ReturnType<typeof client.admin.users.list>>["items"][number];

const PAGE = 25;
const usersQuery = (url: UserListSearch, cursor?: string) =>
  orpc.admin.users.list.queryOptions({
    input: { search: url.q, sort: url.order, direction: url.dir, limit: PAGE, cursor },
  });

export const Route = createFileRoute("/_app/admin/users/")({
  // The search and the order are in the URL: a reload, Back from a user's page and a shared
  // link all show the same list. The defaults stay out of it.
  validateSearch: userSearchFromUrl,
  search: { middlewares: [stripSearchParams(USER_LIST_URL_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(usersQuery(deps)),
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
      <>
        <Link
          to="/admin/users/$userId"
          params={{ userId: row.original.id }}
          search={true}
          className="block max-w-64 font-medium text-accent hover:underline"
        >
          <span className="block truncate">{row.original.name}</span>
          <span className="block truncate text-xs font-normal text-ink-muted">
            {row.original.email}
          </span>
        </Link>
        {/* On a phone the next four columns give way to this line under the user. */}
        <PhoneSummary user={row.original} />
      </>
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
      return value ? <LocalTime date={value} day /> : <span className="text-ink-muted">never</span>;
    },
  }),
  helper.accessor("createdAt", {
    header: "Joined",
    cell: ({ getValue }) => <LocalTime date={getValue()} day />,
  }),
]);

const sortable: Partial<Record<string, UserSort>> = { email: "email", createdAt: "createdAt" };

/** Columns a phone leaves out: PhoneSummary says the same under the user. */
const WIDE_ONLY = new Set(["role", "emailVerified", "banned", "lastSeenAt"]);
const cellClass = (id: string) => (WIDE_ONLY.has(id) ? "max-sm:hidden" : "");

/** Role, confirmation, ban and last visit in one line, for the phone's two-column table. */
function PhoneSummary({ user }: { user: AdminUser }) {
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-muted sm:hidden">
      {user.role === "admin" && <Badge tone="indigo">admin</Badge>}
      {user.banned && <Badge tone="red">banned</Badge>}
      {!user.emailVerified && <span>not confirmed</span>}
      <span>
        {user.lastSeenAt ? (
          <>
            seen <LocalTime date={user.lastSeenAt} day />
          </>
        ) : (
          "never seen"
        )}
      </span>
    </span>
  );
}

function Badge({ tone, children }: { tone: "indigo" | "red"; children: string }) {
  const colors = tone === "red" ? "bg-danger-surface text-danger" : "bg-surface-muted text-accent";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colors}`}>{children}</span>
  );
}

function UsersPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const pages = usePageCursors(JSON.stringify(search));
  const { data, error, isError, isFetching, refetch } = useQuery({
    ...usersQuery(search, pages.cursor),
    placeholderData: keepPreviousData,
  });
  const rows = data?.items ?? noRows;
  const nextCursor = data?.nextCursor;
  const table = useTable({ features, columns, data: rows });

  const sortBy = (sort: UserSort) => {
    const dir = search.order === sort && search.dir === "asc" ? "desc" : "asc";
    void navigate({ search: (prev) => ({ ...prev, order: sort, dir }) });
  };

  return (
    <section className="py-8">
      <PageHeading title="Users">
        Find an account by email or name; open it to act on it.
      </PageHeading>
      <search className="mt-6 block">
        {/* A plain GET form: before the page's script runs it searches all the same. */}
        <form
          method="get"
          action="/admin/users"
          className="flex gap-2 sm:max-w-md"
          onSubmit={(event) => {
            event.preventDefault();
            const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
            void navigate({ search: (prev) => ({ ...prev, q: q || undefined }) });
          }}
        >
          <input
            // A new search in the URL (Back, a link) shows in the box.
            key={search.q ?? ""}
            type="search"
            name="q"
            aria-label="Search users by email or name"
            placeholder="Email or name"
            maxLength={USER_SEARCH_MAX}
            defaultValue={search.q ?? ""}
            className={`${fieldInputClass} min-w-0 flex-1`}
          />
          {search.order !== USER_LIST_URL_DEFAULTS.order && (
            <input type="hidden" name="order" value={search.order} />
          )}
          {search.dir !== USER_LIST_URL_DEFAULTS.dir && (
            <input type="hidden" name="dir" value={search.dir} />
          )}
          <button type="submit" className={primaryButton()}>
            Search
          </button>
        </form>
      </search>
      {isError && (
        <LoadError
          className="mt-4"
          error={error}
          fallback="The users could not be loaded."
          onRetry={() => void refetch()}
        />
      )}
      <div className={`mt-4 overflow-x-auto ${cardClass}`} aria-busy={isFetching || undefined}>
        <table className="w-full text-left text-sm max-sm:table-fixed">
          <thead className="border-b border-line bg-surface-muted text-xs uppercase tracking-wide text-ink-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sort = sortable[header.column.id];
                  const active = sort && search.order === sort;
                  return (
                    <th
                      key={header.id}
                      className={`whitespace-nowrap px-3 py-2 font-medium ${cellClass(header.column.id)} ${header.column.id === "createdAt" ? "max-sm:w-28" : ""}`}
                      aria-sort={
                        active ? (search.dir === "asc" ? "ascending" : "descending") : undefined
                      }
                    >
                      {sort ? (
                        <button
                          type="button"
                          onClick={() => sortBy(sort)}
                          className="uppercase hover:text-ink"
                        >
                          <table.FlexRender header={header} />
                          {active ? (search.dir === "asc" ? " ↑" : " ↓") : ""}
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
                  <td
                    key={cell.id}
                    className={`whitespace-nowrap px-3 py-2 align-top ${cellClass(cell.column.id)}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {/* Outside the table, so on a phone it is centred in the card, not in the wider table. */}
        {rows.length === 0 && (
          <p className="px-3 py-8 text-center text-ink-muted">
            {search.q ? `No account matches “${search.q}”.` : "No accounts yet."}
          </p>
        )}
      </div>
      <PageButtons
        labels={["Previous", "Next"]}
        hasPrevious={pages.hasPrevious}
        hasNext={!!nextCursor}
        onPrevious={pages.previous}
        onNext={() => nextCursor && pages.next(nextCursor)}
      />
      <CreateUserForm />
    </section>
  );
}

const noRows: AdminUser[] = [];
