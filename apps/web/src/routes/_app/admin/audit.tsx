import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { ScrollText } from "lucide-react";
import { useId } from "react";
import { LoadError } from "../../../components/alert";
import { LocalTime } from "../../../components/local-time";
import { cardClass, EmptyState, PageHeading } from "../../../components/page";
import { PageButtons } from "../../../components/page-buttons";
import { type client, orpc } from "../../../lib/orpc";
import { searchChoice } from "../../../lib/search-params";
import { usePageCursors } from "../../../lib/use-page-cursors";
import { AUDIT_ACTION_KEYS, AUDIT_ACTIONS, type AuditAction } from "./-audit-actions";
import { describeAction, describeDetails } from "./-audit-wording";

type AuditEntry = Awaited<ReturnType<typeof client.admin.audit.list>>["items"][number];
type AuditPerson = AuditEntry["actor"];

const PAGE = 50;
const auditQuery = (input: { action?: AuditAction; cursor?: string }) =>
  orpc.admin.audit.list.queryOptions({ input: { ...input, limit: PAGE } });

export const Route = createFileRoute("/_app/admin/audit")({
  // The action filter is in the URL, so a filtered log survives a reload and can be shared.
  validateSearch: (search): { action?: AuditAction } => ({
    action: searchChoice(search.action, AUDIT_ACTION_KEYS),
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(auditQuery(deps)),
  head: () => ({ meta: [{ title: "Audit log · Admin · Checkmark" }] }),
  component: AuditPage,
});

function AuditPage() {
  const { action } = Route.useSearch();
  const navigate = Route.useNavigate();
  const filterId = useId();
  return (
    <section className="py-8">
      <PageHeading title="Audit log">
        Every admin action, newest first. Entries cannot be changed or deleted; they are kept a
        year.
      </PageHeading>
      <div className="mt-6 flex flex-wrap items-center gap-2">
        <label htmlFor={filterId} className="text-sm text-ink-muted">
          Show
        </label>
        <select
          id={filterId}
          value={action ?? ""}
          onChange={(event) =>
            void navigate({
              search: { action: searchChoice(event.target.value, AUDIT_ACTION_KEYS) },
            })
          }
          className="rounded-lg border border-field-border bg-surface px-3 py-1.5 text-sm text-ink shadow-sm"
        >
          <option value="">All actions</option>
          {AUDIT_ACTION_KEYS.map((key) => (
            <option key={key} value={key}>
              {AUDIT_ACTIONS[key]}
            </option>
          ))}
        </select>
      </div>
      <AuditPages action={action} />
    </section>
  );
}

function AuditPages({ action }: { action?: AuditAction }) {
  const pages = usePageCursors(action ?? "");
  const { data, error, isError, isFetching, refetch } = useQuery({
    ...auditQuery({ action, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  const nextCursor = data?.nextCursor;
  return (
    <>
      {isError && (
        <LoadError
          className="mt-4"
          error={error}
          fallback="The audit log could not be loaded."
          onRetry={() => void refetch()}
        />
      )}
      {items.length === 0 ? (
        !isError && (
          <EmptyState icon={ScrollText} title={action ? "No entries of this kind" : "No entries"}>
            {action
              ? "No admin has done this yet. Choose “All actions” to see everything."
              : "Admin actions appear here as they happen."}
          </EmptyState>
        )
      ) : (
        <ul
          className={`mt-4 space-y-3 transition-opacity ${isFetching ? "opacity-60" : ""}`}
          aria-label="Audit entries"
          aria-busy={isFetching || undefined}
        >
          {items.map((entry) => (
            <li key={entry.id} className={`p-4 ${cardClass}`}>
              <AuditEntryCard entry={entry} />
            </li>
          ))}
        </ul>
      )}
      <PageButtons
        labels={["Newer", "Older"]}
        hasPrevious={pages.hasPrevious}
        hasNext={!!nextCursor}
        onPrevious={pages.previous}
        onNext={() => nextCursor && pages.next(nextCursor)}
      />
    </>
  );
}

function AuditEntryCard({ entry }: { entry: AuditEntry }) {
  const action = describeAction(entry.action, entry.after);
  const details = describeDetails(entry.action, entry.before, entry.after);
  return (
    <article aria-label={`${action}: ${entry.target.name ?? "deleted user"}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="font-semibold">{action}</h2>
        <span className="text-xs text-ink-muted">
          <LocalTime date={entry.createdAt} />
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-ink-muted">By</dt>
        <dd>
          {entry.impersonator ? (
            <>
              <Person person={entry.impersonator} />{" "}
              <span className="text-ink-muted">acting as</span> <Person person={entry.actor} />
            </>
          ) : (
            <Person person={entry.actor} />
          )}
        </dd>
        <dt className="text-ink-muted">User</dt>
        <dd>
          <Person person={entry.target} />
        </dd>
        {details.map((detail) => (
          <Detail key={detail.label} label={detail.label} value={detail.value} />
        ))}
      </dl>
      <p className="mt-2 text-xs text-ink-muted">
        Request id <span className="break-all font-mono">{entry.requestId}</span>
      </p>
    </article>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-ink-muted">{label}</dt>
      <dd className="break-words">{value}</dd>
    </>
  );
}

/** A name that opens the account, its email beside it; an account gone since, with its id. */
function Person({ person }: { person: AuditPerson }) {
  if (person.name === null) {
    return (
      <span>
        <span className="italic text-ink-muted">deleted user</span>
        {person.email && <span className="break-words"> {person.email}</span>}
        <span className="block break-all font-mono text-xs text-ink-muted">{person.id}</span>
      </span>
    );
  }
  return (
    <span>
      <Link
        to="/admin/users/$userId"
        params={{ userId: person.id }}
        title={`User id ${person.id}`}
        className="break-words font-medium text-accent hover:underline"
      >
        {person.name}
      </Link>{" "}
      <span className="break-words text-ink-muted">{person.email}</span>
    </span>
  );
}
