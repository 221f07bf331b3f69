import { allowPasskeyRegistrationSchema, passkeyNameSchema } from "@checkmark/api/schemas";
import { type AnyFormApi, revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { useAppForm } from "../../../components/form";
import { LocalTime } from "../../../components/local-time";
import { describeAuthError } from "../../../lib/auth-errors";
import { formFailure } from "../../../lib/field-issues";
import { notifyFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { factorsClient } from "../../../lib/sign-in-factors-client";
import { SettingsCard } from "./-settings-card";

const passkeysKey = ["passkeys"] as const;
const addPasskeySchema = allowPasskeyRegistrationSchema.extend({ name: passkeyNameSchema });

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

  /** A passkey outlives a password reset, so the server lets one be added only after this. */
  async function passwordAccepted(form: AnyFormApi, password: string) {
    try {
      await orpc.passkey.allowRegistration.call({ password });
      return true;
    } catch (caught) {
      // A wrong password is said at its field.
      setError(formFailure(form, caught, "The passkey was not added."));
      return false;
    }
  }

  const form = useAppForm({
    defaultValues: { name: "", password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: addPasskeySchema },
    onSubmit: async ({ value, formApi }) => {
      setError(null);
      if (!(await passwordAccepted(formApi, value.password))) return;
      const result = await factorsClient.passkey.addPasskey({ name: value.name.trim() });
      if (result?.error) return setError(describeAuthError(result.error));
      formApi.reset();
      notifySuccess("Passkey added. You can sign in with it now.");
      await refresh();
    },
  });

  return (
    <SettingsCard
      title="Passkeys"
      description="Sign in with your fingerprint, face or screen lock instead of your password."
    >
      <form.AppForm>
        <form.Form className="mt-4 grid gap-4 sm:grid-cols-2 sm:items-start">
          <form.AppField name="name">
            {(field) => (
              <field.TextField
                label="Passkey name"
                placeholder="e.g. Work laptop"
                autoComplete="off"
              />
            )}
          </form.AppField>
          <form.AppField name="password">{(field) => <field.CurrentPasswordField />}</form.AppField>
          {error && (
            <div className="sm:col-span-2">
              <Alert>{error}</Alert>
            </div>
          )}
          <div className="sm:col-span-2">
            <form.SubmitButton pendingLabel="Waiting for your device…" width="fit">
              Add a passkey
            </form.SubmitButton>
          </div>
        </form.Form>
      </form.AppForm>
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
                · added <LocalTime date={new Date(passkey.createdAt)} />
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
