import type { Device } from "@checkmark/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { LocalTime } from "../../../components/local-time";
import { notifyRpcFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { SettingsCard } from "./-settings-card";

// An admin acting as the user (impersonation): their own address and browser are not shown.
const deviceName = (device: Device) =>
  device.support ? "Support (Checkmark admin)" : `${device.browser} on ${device.device}`;

function place(device: Device) {
  if (device.support) return "An admin acting as you, for at most an hour";
  return [device.ipAddress, device.country].filter(Boolean).join(", ") || "Place unknown";
}

/** Where the account is signed in; any other device can be signed out at once. */
export function DevicesSection() {
  const queryClient = useQueryClient();
  const devices = useQuery(orpc.device.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.device.key() });
  const revoke = useMutation(
    orpc.device.revoke.mutationOptions({
      onSuccess: () => notifySuccess("That device is signed out."),
      onError: (error) => notifyRpcFailure(error, "That device was not signed out."),
      onSettled: refresh,
    }),
  );
  const revokeOthers = useMutation(
    orpc.device.revokeOthers.mutationOptions({
      onSuccess: ({ signedOut }) =>
        notifySuccess(`Signed out ${signedOut} other device${signedOut === 1 ? "" : "s"}.`),
      onError: (error) => notifyRpcFailure(error, "The other devices were not signed out."),
      onSettled: refresh,
    }),
  );
  const others = devices.data?.filter((device) => !device.current) ?? [];

  return (
    <SettingsCard
      title="Devices"
      description="Where your account is signed in. Signing a device out takes effect on its next click."
    >
      {devices.isPending && <p className="mt-4 text-sm text-ink-muted">Loading your devices…</p>}
      {devices.isError && (
        <div className="mt-4 space-y-2">
          <Alert>Your devices could not be loaded.</Alert>
          <button type="button" className={secondaryButton("sm")} onClick={() => devices.refetch()}>
            Try again
          </button>
        </div>
      )}
      {devices.data?.length === 0 && (
        <p className="mt-4 text-sm text-ink-muted">No devices are signed in.</p>
      )}
      <ul className="mt-4 divide-y divide-line" aria-label="Signed-in devices">
        {devices.data?.map((device) => (
          <li
            key={device.id}
            className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium">
                {deviceName(device)}
                {device.current && (
                  <span className="ml-2 whitespace-nowrap rounded-full bg-success-surface px-2 py-0.5 text-xs text-success">
                    This device
                  </span>
                )}
              </p>
              <p className="break-words text-ink-muted">
                {place(device)} · signed in <LocalTime date={device.createdAt} /> · last seen{" "}
                <LocalTime date={device.lastSeenAt} />
              </p>
            </div>
            {!device.current && (
              <button
                type="button"
                className={`shrink-0 self-start sm:self-auto ${secondaryButton("sm")}`}
                aria-label={`Sign out ${deviceName(device)}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ id: device.id })}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <button
          type="button"
          className={`mt-4 ${secondaryButton("sm")}`}
          disabled={revokeOthers.isPending}
          onClick={() => revokeOthers.mutate({})}
        >
          Sign out all other devices
        </button>
      )}
    </SettingsCard>
  );
}
