import { useMutation } from "@tanstack/react-query";
import { notifyRpcFailure } from "../lib/notify";
import { orpc } from "../lib/orpc";
import { type SessionUser, useSessionChange } from "../lib/session";

/**
 * Shown above every page while an admin acts as someone else, so nobody forgets whose
 * account they are changing; "Stop acting as …" ends that session and brings the admin's own
 * back.
 */
export function ImpersonationBanner({ user }: { user: SessionUser }) {
  const onSessionChange = useSessionChange();
  const stop = useMutation(
    orpc.account.stopImpersonating.mutationOptions({
      onSuccess: ({ restored }) => onSessionChange(restored ? "/admin/users" : "/"),
      onError: (error) => notifyRpcFailure(error, "Could not stop acting as this user."),
    }),
  );
  if (!user.impersonator) return null;
  return (
    <div
      role="status"
      // Sticky: it stays in view however far down the page the admin works.
      className="sticky top-0 z-40 bg-accent-solid px-4 py-2 text-sm text-on-accent"
      data-testid="impersonation-banner"
    >
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 break-words">
          You are acting as <strong>{user.name}</strong> ({user.email}), signed in as{" "}
          {user.impersonator.email}.
        </p>
        <button
          type="button"
          onClick={() => stop.mutate({})}
          disabled={stop.isPending}
          className="ml-auto rounded-md border border-white/70 px-3 py-1 font-medium hover:bg-white/15 disabled:cursor-wait"
        >
          {stop.isPending ? "Stopping…" : `Stop acting as ${user.name}`}
        </button>
      </div>
    </div>
  );
}
