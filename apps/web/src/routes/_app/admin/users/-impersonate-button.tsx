import { useMutation } from "@tanstack/react-query";
import { notifyRpcFailure } from "../../../../lib/notify";
import { orpc } from "../../../../lib/orpc";
import { useSessionChange } from "../../../../lib/session";

/** Becomes the user for up to an hour; the banner on every page offers the way back. */
export function ImpersonateButton({ userId, className }: { userId: string; className: string }) {
  const onSessionChange = useSessionChange();
  const impersonate = useMutation(
    orpc.admin.users.impersonate.mutationOptions({
      onSuccess: () => onSessionChange("/todos"),
      onError: (error) => notifyRpcFailure(error, "Could not act as this user."),
    }),
  );
  return (
    <button
      type="button"
      className={className}
      disabled={impersonate.isPending}
      onClick={() => impersonate.mutate({ userId })}
    >
      {impersonate.isPending ? "Switching…" : "Act as this user"}
    </button>
  );
}
