import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { dangerButton } from "../../../../components/button-styles";
import { cardClass } from "../../../../components/page";
import { SubmitButton } from "../../../../components/submit-button";
import { fieldIssues } from "../../../../lib/field-issues";
import { formatUtc } from "../../../../lib/format-time";
import { orpc } from "../../../../lib/orpc";
import { useSignedInUser } from "../../../../lib/session";
import { ImpersonateButton } from "./-impersonate-button";

const userQuery = (userId: string) => orpc.admin.users.get.queryOptions({ input: { userId } });

export const Route = createFileRoute("/_app/admin/users/$userId")({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(userQuery(params.userId)),
  head: () => ({ meta: [{ title: "User · Admin · Checkmark" }] }),
  component: UserPage,
});

const buttonClass =
  "rounded-lg px-3 py-1.5 text-sm font-medium disabled:opacity-50 border border-line-strong hover:bg-surface-muted";

function UserPage() {
  const { userId } = Route.useParams();
  const me = useSignedInUser();
  const { data } = useSuspenseQuery(userQuery(userId));
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.admin.key() });
  const [error, setError] = useState<string | null>(null);
  const onError = (e: Error) => setError(e.message);
  const onSuccess = () => {
    setError(null);
    return refresh();
  };

  const setRole = useMutation(orpc.admin.users.setRole.mutationOptions({ onSuccess, onError }));
  // The server's word on a ban field goes under that field, not in the page's banner.
  const [banIssues, setBanIssues] = useState(new Map<string, string>());
  const ban = useMutation(
    orpc.admin.users.ban.mutationOptions({
      onSuccess,
      onError: (e) => {
        const issues = fieldIssues(e);
        setBanIssues(issues);
        if (issues.size === 0) onError(e);
      },
    }),
  );
  const untilErrorId = useId();
  const untilIssue = banIssues.get("expiresAt");
  const unban = useMutation(orpc.admin.users.unban.mutationOptions({ onSuccess, onError }));
  const revoke = useMutation(orpc.admin.sessions.revoke.mutationOptions({ onSuccess, onError }));
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");

  const { user, sessions } = data;
  const self = user.id === me.id;
  return (
    <section className="py-8">
      <Link to="/admin/users" className="text-sm text-accent hover:underline">
        ← Users
      </Link>
      <h1 className="mt-2 break-words text-2xl font-semibold tracking-tight">{user.name}</h1>
      <p className="break-all text-sm text-ink-muted">{user.email}</p>
      {error && (
        <p role="alert" className="mt-4 rounded-lg bg-danger-surface px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}
      <dl className={`mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 p-4 text-sm ${cardClass}`}>
        <dt className="font-medium text-ink-muted">Role</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {user.role}
          {!self && (
            <button
              type="button"
              className={buttonClass}
              disabled={setRole.isPending}
              onClick={() =>
                setRole.mutate({ userId, role: user.role === "admin" ? "user" : "admin" })
              }
            >
              {user.role === "admin" ? "Make user" : "Make admin"}
            </button>
          )}
        </dd>
        <dt className="font-medium text-ink-muted">Confirmed</dt>
        <dd>{user.emailVerified ? "yes" : "no"}</dd>
        <dt className="font-medium text-ink-muted">Joined</dt>
        <dd>{formatUtc(user.createdAt)}</dd>
        <dt className="font-medium text-ink-muted">Last seen</dt>
        <dd>{user.lastSeenAt ? formatUtc(user.lastSeenAt) : "never"}</dd>
        <dt className="font-medium text-ink-muted">Status</dt>
        <dd data-testid="ban-status">
          {user.banned
            ? `Banned${user.banExpires ? ` until ${formatUtc(user.banExpires)}` : ""}: ${user.banReason ?? ""}`
            : "Active"}
        </dd>
      </dl>

      {!self && user.role !== "admin" && (
        <div className={`mt-6 p-4 ${cardClass}`}>
          <h2 className="font-semibold">{user.banned ? "Lift the ban" : "Ban"}</h2>
          {user.banned ? (
            <button
              type="button"
              className={`mt-3 ${buttonClass}`}
              disabled={unban.isPending}
              onClick={() => unban.mutate({ userId })}
            >
              Unban
            </button>
          ) : (
            <form
              className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
              onSubmit={(event) => {
                event.preventDefault();
                setBanIssues(new Map());
                ban.mutate({
                  userId,
                  reason,
                  expiresAt: until ? new Date(`${until}T00:00:00Z`) : undefined,
                });
              }}
            >
              <label className="grid gap-1 text-sm">
                Reason (the user sees it)
                <input
                  required
                  maxLength={500}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  className="rounded-lg border border-line-strong px-3 py-2"
                />
              </label>
              <label className="grid gap-1 text-sm">
                Until (optional, UTC)
                <input
                  type="date"
                  value={until}
                  onChange={(event) => setUntil(event.target.value)}
                  aria-invalid={untilIssue !== undefined}
                  aria-describedby={untilIssue ? untilErrorId : undefined}
                  className="rounded-lg border border-line-strong px-3 py-2 aria-[invalid=true]:border-danger"
                />
              </label>
              <SubmitButton
                disabled={ban.isPending}
                className={`${dangerButton()} text-sm max-sm:order-last`}
              >
                Ban and sign out
              </SubmitButton>
              {/* Under the date: its own row on a wide screen, so the fields stay aligned. */}
              {untilIssue && (
                <p
                  id={untilErrorId}
                  className="-mt-2 text-sm text-danger sm:col-span-2 sm:col-start-2"
                >
                  {untilIssue}
                </p>
              )}
            </form>
          )}
        </div>
      )}

      {!self && user.role !== "admin" && !user.banned && (
        <div className={`mt-6 p-4 ${cardClass}`}>
          <h2 className="font-semibold">Act as this user</h2>
          <p className="mt-1 text-sm text-ink-muted">
            See the app as {user.name} does, for up to an hour. What you do is theirs and is logged
            with your name.
          </p>
          <ImpersonateButton userId={userId} className={`mt-3 ${buttonClass}`} />
        </div>
      )}

      <div className={`mt-6 p-4 ${cardClass}`}>
        <h2 className="font-semibold">Sessions</h2>
        {sessions.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No live sessions.</p>
        ) : (
          <ul className="mt-2 divide-y divide-line" aria-label="Sessions">
            {sessions.map((session) => (
              <li
                key={session.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <span className="min-w-0">
                  <span className="block">
                    Last used {formatUtc(session.updatedAt)}
                    {session.impersonatedBy && " · an admin acting as this user"}
                  </span>
                  <span className="block truncate text-xs text-ink-muted">
                    {session.ipAddress ?? "unknown address"} ·{" "}
                    {session.userAgent ?? "unknown browser"}
                  </span>
                </span>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ sessionId: session.id })}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
