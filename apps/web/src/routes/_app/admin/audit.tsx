import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { ScrollText } from "lucide-react";
import { useState } from "react";
import { cardClass, EmptyState, PageHeading } from "../../../components/page";
import { formatUtc } from "../../../lib/format-time";
import { orpc } from "../../../lib/orpc";

const ACTIONS = [
  "user.create",
  "user.set-role",
  "user.ban",
  "user.unban",
  "user.impersonate",
  "user.impersonate-stop",
  "session.revoke",
];
const auditQuery = (input: { action?: string; targetId?: string; cursor?: string }) =>
  orpc.admin.audit.list.queryOptions({ input: { ...input, limit: 50 } });

export const Route = createFileRoute("/_app/admin/audit")({
  loader: ({ context }) => context.queryClient.ensureQueryData(auditQuery({})),
  head: () => ({ meta: [{ title: "Audit log · Admin · Checkmark" }] }),
  component: AuditPage,
});

const show = (value: unknown) =>
  value === null || value === undefined ? "–" : JSON.stringify(value);

function AuditPage() {
  const [action, setAction] = useState("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const input = { action: action || undefined, cursor: cursors.at(-1) };
  const { data } = useQuery({ ...auditQuery(input), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <section className="py-8">
      <PageHeading title="Audit log">
        Every admin action, newest first. Entries cannot be changed or deleted; they are kept a
        year.
      </PageHeading>
      <label className="mt-6 flex items-center gap-2 text-sm">
        Action
        <select
          value={action}
          onChange={(event) => {
            setAction(event.target.value);
            setCursors([undefined]);
          }}
          className="rounded-lg border border-line-strong px-2 py-1.5"
        >
          <option value="">All</option>
          {ACTIONS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      {items.length === 0 ? (
        <EmptyState icon={ScrollText} title="No entries">
          Admin actions appear here as they happen.
        </EmptyState>
      ) : (
        <ul className="mt-4 space-y-2" aria-label="Audit entries">
          {items.map((entry) => (
            <li key={entry.id} className={`p-3 text-sm ${cardClass}`}>
              <article aria-label={`${entry.action} ${entry.targetId}`}>
                <p className="flex flex-wrap justify-between gap-2">
                  <span className="font-mono font-medium">{entry.action}</span>
                  <span className="text-xs text-ink-muted">{formatUtc(entry.createdAt)}</span>
                </p>
                <p className="mt-1 break-all text-ink">
                  by {entry.actorEmail}
                  {entry.impersonatorId && ` (impersonated by ${entry.impersonatorId})`} on{" "}
                  {entry.targetType} <span className="font-mono">{entry.targetId}</span>
                </p>
                <p className="mt-1 break-all font-mono text-xs text-ink-muted">
                  {show(entry.before)} → {show(entry.after)}
                </p>
                <p className="mt-1 font-mono text-xs text-ink-muted">request {entry.requestId}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex justify-between">
        <button
          type="button"
          disabled={cursors.length < 2}
          onClick={() => setCursors(cursors.slice(0, -1))}
          className="rounded-lg border border-line-strong px-3 py-1.5 text-sm disabled:opacity-40"
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!data?.nextCursor}
          onClick={() => setCursors([...cursors, data?.nextCursor ?? undefined])}
          className="rounded-lg border border-line-strong px-3 py-1.5 text-sm disabled:opacity-40"
        >
          Older
        </button>
      </div>
    </section>
  );
}
