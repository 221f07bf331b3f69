import { passkeyNameSchema } from "@checkmark/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/alert";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { SubmitButton } from "../../../components/submit-button";
import { describeAuthError } from "../../../lib/auth-errors";
import { fieldIssues } from "../../../lib/field-issues";
import { formatUtc } from "../../../lib/format-time";
import { notifyFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";
import { factorsClient } from "../../../lib/sign-in-factors-client";
import { PasswordAgainField } from "./-password-again-field";
import { SettingsCard } from "./-settings-card";

const passkeysKey = ["passkeys"] as const;

/** Better Auth answers `{ data, error }`; queries and mutations want a value or a throw. */
async function unwrap<T>(
  call: Promise<{ data: T | null; error: { code?: string; message?: string } | null }>,
) {
  const { data, error } = await call;
  if (error) throw new Error(describeAuthError(error));
  return data as T;
}

/** Passkeys sign in without a password; add one per device, name it, remove it. */
export function PasskeysSection() {
  const queryClient = useQueryClient();
  const passkeys = useQuery({
    queryKey: passkeysKey,
    queryFn: () => unwrap(factorsClient.passkey.listUserPasskeys()),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: passkeysKey });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(factorsClient.passkey.deletePasskey({ id })),
    onSuccess: () => notifySuccess("Passkey removed."),
    onError: (error) => notifyFailure(error.message),
    onSettled: refresh,
  });
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  /** A passkey outlives a password reset, so the server lets one be added only after this. */
  async function passwordAccepted(password: string) {
    try {
      await orpc.passkey.allowRegistration.call({ password });
      return true;
    } catch (caught) {
      const wrong = fieldIssues(caught).get("password");
      if (wrong) setPasswordError(wrong);
      else setError(describeRpcError(caught, "The passkey was not added."));
      return false;
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = passkeyNameSchema.safeParse(data.get("name"));
    if (!name.success) return setError(name.error.issues[0]?.message ?? "Name the passkey.");
    setError(null);
    setPasswordError(null);
    setAdding(true);
    if (!(await passwordAccepted(String(data.get("password") ?? "")))) return setAdding(false);
    const result = await factorsClient.passkey.addPasskey({ name: name.data });
    setAdding(false);
    if (result?.error) return setError(describeAuthError(result.error));
    form.reset();
    notifySuccess("Passkey added. You can sign in with it now.");
    await refresh();
  }

  return (
    <SettingsCard
      title="Passkeys"
      description="Sign in with your fingerprint, face or screen lock instead of your password."
    >
      <form className="mt-4 grid gap-3 sm:grid-cols-2 sm:items-start" onSubmit={onAdd}>
        <label className="block text-sm font-medium">
          Passkey name
          <input
            name="name"
            required
            maxLength={60}
            placeholder="e.g. Work laptop"
            className="mt-1 block w-full rounded-lg border border-field-border bg-surface px-3 py-2 text-ink shadow-sm placeholder:text-ink-muted"
          />
        </label>
        <PasswordAgainField error={passwordError} />
        <div className="sm:col-span-2">
          <SubmitButton
            className={primaryButton("sm")}
            pending={adding}
            pendingLabel="Waiting for your device…"
          >
            Add a passkey
          </SubmitButton>
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
      {passkeys.isPending && <p className="mt-4 text-sm text-ink-muted">Loading your passkeys…</p>}
      {passkeys.isError && (
        <div className="mt-4 space-y-2">
          <Alert>Your passkeys could not be loaded.</Alert>
          <button
            type="button"
            className={secondaryButton("sm")}
            onClick={() => passkeys.refetch()}
          >
            Try again
          </button>
        </div>
      )}
      {passkeys.data?.length === 0 && (
        <p className="mt-4 text-sm text-ink-muted">No passkeys yet.</p>
      )}
      <ul className="mt-4 divide-y divide-line" aria-label="Your passkeys">
        {passkeys.data?.map((passkey) => (
          <li key={passkey.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span className="min-w-0 break-words">
              <strong>{passkey.name || "Passkey"}</strong>
              <span className="text-ink-muted">
                {" "}
                · added {formatUtc(new Date(passkey.createdAt))}
              </span>
            </span>
            <button
              type="button"
              className={`shrink-0 ${secondaryButton("sm")}`}
              aria-label={`Remove passkey ${passkey.name || ""}`.trim()}
              disabled={remove.isPending}
              onClick={() => remove.mutate(passkey.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </SettingsCard>
  );
}
