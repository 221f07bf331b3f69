import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, stripSearchParams } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../../components/alert";
import { LocalTime } from "../../../../components/local-time";
import { NotFound } from "../../../../components/not-found";
import { cardClass } from "../../../../components/page";
import { notFoundOnMissing } from "../../../../lib/not-found-on-missing";
import { orpc } from "../../../../lib/orpc";
import { describeRpcError } from "../../../../lib/rpc-error";
import { useSignedInUser } from "../../../../lib/session";
import { BanForm } from "./-ban-form";
import { ImpersonateButton } from "./-impersonate-button";
import { USER_LIST_URL_DEFAULTS, userSearchFromUrl } from "./-search";

const userQuery = (userId: string) => orpc.admin.users.get.queryOptions({ input: { userId } });

export const Route = createFileRoute("/_app/admin/users/$userId")({
  // The list's search and order come along from the users page, so "← Users" goes back to the
  // list as it was, after a reload too.
  validateSearch: userSearchFromUrl,
  search: { middlewares: [stripSearchParams(USER_LIST_URL_DEFAULTS)] },
  loader: ({ context, params }) =>
    notFoundOnMissing(context.queryClient.ensureQueryData(userQuery(params.userId))),
  notFoundComponent: () => (
    <NotFound
      title="No such user"
      detail="The account may have been deleted, or the link is mistyped."
      back={{ to: "/admin/users", label: "Back to users" }}
    />
  ),
  head: () => ({ meta: [{ title: "User · Admin · Checkmark" }] }),
  component: UserPage,
});

const buttonClass =
  "rounded-lg px-3 py-1.5 text-sm font-medium disabled:opacity-50 border border-line-strong hover:bg-surface-muted";

function UserPage() {
  const { userId } = Route.useParams();
  const listSearch = Route.useSearch();
  const me = useSignedInUser();
  const { data } = useSuspenseQuery(userQuery(userId));
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.admin.key() });
  const [error, setError] = useState<string | null>(null);
  const [confirmingRole, setConfirmingRole] = useState(false);
  const onError = (e: Error) => setError(describeRpcError(e, "That did not work."));
  const onSuccess = () => {
    setError(null);
    return refresh();
  };

  const setRole = useMutation(orpc.admin.users.setRole.mutationOptions({ onSuccess, onError }));
  const unban = useMutation(orpc.admin.users.unban.mutationOptions({ onSuccess, onError }));
  const revoke = useMutation(orpc.admin.sessions.revoke.mutationOptions({ onSuccess, onError }));

  const { user, sessions } = data;
  const self = user.id === me.id;
  return (
    <section className="py-8">
      <Link to="/admin/users" search={listSearch} className="text-sm text-accent hover:underline">
        ← Users
      </Link>
      <h1 className="mt-2 break-words text-2xl font-semibold tracking-tight">{user.name}</h1>
      <p className="break-all text-sm text-ink-muted">{user.email}</p>
      {error && (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      )}
      <dl className={`mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 p-4 text-sm ${cardClass}`}>
        <dt className="font-medium text-ink-muted">Role</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {user.role}
          {!self &&
            (confirmingRole ? (
              // A role change gives or takes every account's data: asked once more, in words.
              <fieldset
                aria-label="Confirm the role change"
                className="flex basis-full flex-wrap items-center gap-2"
              >
                <span className="basis-full text-ink">
                  {user.role === "admin"
                    ? `${user.name} will lose the admin pages.`
                    : `${user.name} will see and act on every account.`}
                </span>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={setRole.isPending}
                  onClick={() =>
                    setRole.mutate(
                      { userId, role: user.role === "admin" ? "user" : "admin" },
                      { onSettled: () => setConfirmingRole(false) },
                    )
                  }
                >
                  {user.role === "admin" ? "Yes, remove admin rights" : "Yes, make admin"}
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => setConfirmingRole(false)}
                >
                  Cancel
                </button>
              </fieldset>
            ) : (
              <button type="button" className={buttonClass} onClick={() => setConfirmingRole(true)}>
                {user.role === "admin" ? "Remove admin rights" : "Make admin"}
              </button>
            ))}
        </dd>
        <dt className="font-medium text-ink-muted">Confirmed</dt>
        <dd>{user.emailVerified ? "yes" : "no"}</dd>
        <dt className="font-medium text-ink-muted">Joined</dt>
        <dd>
          <LocalTime date={user.createdAt} />
        </dd>
        <dt className="font-medium text-ink-muted">Last seen</dt>
        <dd>{user.lastSeenAt ? <LocalTime date={user.lastSeenAt} /> : "never"}</dd>
        <dt className="font-medium text-ink-muted">Status</dt>
        <dd data-testid="ban-status">
          {user.banned ? (
            <>
              Banned
              {user.banExpires && (
                <>
                  {" "}
                  until <LocalTime date={user.banExpires} />
                </>
              )}
              : {user.banReason ?? ""}
            </>
          ) : (
            "Active"
          )}
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
            <BanForm userId={userId} onBanned={onSuccess} />
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
                    Last used <LocalTime date={session.updatedAt} />
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
