import { API_KEY_SCOPES, type ApiKeyScope, createApiKeySchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Alert } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { CopyButton } from "../../../components/copy-button";
import { useAppForm } from "../../../components/form";
import { SelectField } from "../../../components/form-fields";
import { LocalTime } from "../../../components/local-time";
import { fieldIssues, formFailure } from "../../../lib/field-issues";
import { orpc } from "../../../lib/orpc";
import { SettingsCard } from "./-settings-card";

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: "Read only",
  "read-write": "Read and write",
};
const NAME_RULE = "Give the key a name of 1 to 100 characters.";
const DAYS_RULE = "A whole number of days from 1 to 365, or nothing for a key without an end.";

// The procedure's own rules (createApiKeySchema), said in words, with the days as typed: empty
// for a key that works until it is revoked.
const apiKeyFormSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(100, NAME_RULE),
  scope: z.enum(API_KEY_SCOPES),
  expiresInDays: z
    .string()
    .trim()
    .regex(/^([1-9]\d{0,2})?$/, DAYS_RULE)
    .refine((days) => Number(days) <= 365, DAYS_RULE),
  password: createApiKeySchema.shape.password,
});

const emptyForm: z.input<typeof apiKeyFormSchema> = {
  name: "",
  scope: "read",
  expiresInDays: "",
  password: "",
};

/** Create, list and revoke API keys; a new key is shown once, right after it is made. */
export function ApiKeysSection() {
  const queryClient = useQueryClient();
  const keys = useQuery(orpc.apiKey.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.apiKey.key() });
  const create = useMutation(orpc.apiKey.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(orpc.apiKey.revoke.mutationOptions({ onSuccess: refresh }));
  const [shownOnce, setShownOnce] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm({
    defaultValues: emptyForm,
    validationLogic: revalidateLogic(),
    validators: { onDynamic: apiKeyFormSchema },
    onSubmit: async ({ value, formApi }) => {
      setError(null);
      setShownOnce(null);
      const days = Number(value.expiresInDays.trim());
      try {
        const created = await create.mutateAsync({
          name: value.name,
          scope: value.scope,
          ...(days > 0 ? { expiresInDays: days } : {}),
          password: value.password,
        });
        setShownOnce(created.key);
        formApi.reset();
      } catch (caught) {
        // A wrong password is said at its field, a refused name at its own, in words; any other
        // refusal says its own reason.
        const issues = fieldIssues(caught);
        if (issues.has("name")) issues.set("name", NAME_RULE);
        setError(formFailure(formApi, caught, "The key was not created.", issues));
      }
    },
  });

  return (
    <SettingsCard
      title="API keys"
      description={
        <>
          Programs use a key to act as you: send it as <code>Authorization: Bearer …</code>. See{" "}
          <a className="underline" href="/api/docs">
            the API description
          </a>
          .
        </>
      }
    >
      <form.AppForm>
        <form.Form className="mt-4 grid gap-4 sm:grid-cols-4 sm:items-start">
          <div className="sm:col-span-2">
            <form.AppField name="name">
              {(field) => <field.TextField label="Name" autoComplete="off" />}
            </form.AppField>
          </div>
          <form.AppField name="scope">
            {() => <SelectField label="Access" options={API_KEY_SCOPES} names={SCOPE_LABELS} />}
          </form.AppField>
          <form.AppField name="expiresInDays">
            {(field) => (
              <field.TextField label="Expires in (days)" inputMode="numeric" autoComplete="off" />
            )}
          </form.AppField>
          <div className="sm:col-span-2">
            <form.AppField name="password">
              {(field) => (
                <field.CurrentPasswordField hint="A key keeps working after a password reset, so making one takes your password." />
              )}
            </form.AppField>
          </div>
          {error && (
            <div className="sm:col-span-4">
              <Alert>{error}</Alert>
            </div>
          )}
          <div className="sm:col-span-4">
            <form.SubmitButton pendingLabel="Creating…" width="fit">
              Create key
            </form.SubmitButton>
          </div>
        </form.Form>
      </form.AppForm>
      {shownOnce && (
        <div
          role="status"
          className="mt-4 rounded-lg bg-success-surface px-3 py-2 text-sm text-success"
        >
          Copy your new key now; it will not be shown again:
          <code data-testid="new-api-key" className="mt-1 block break-all font-mono">
            {shownOnce}
          </code>
          <CopyButton text={shownOnce} label="Copy key" />
        </div>
      )}
      <ul className="mt-4 divide-y divide-line" aria-label="Your API keys">
        {keys.data?.length === 0 && <li className="py-2 text-sm text-ink-muted">No keys yet.</li>}
        {keys.data?.map((key) => (
          <li key={key.id} className="flex items-center justify-between gap-3 py-3 text-sm">
            <span className="min-w-0 break-words">
              <strong>{key.name}</strong>{" "}
              <span className="text-ink-muted">
                <code>{key.start}…</code> · {SCOPE_LABELS[key.scope]}
                {key.expiresAt && (
                  <>
                    {" "}
                    · expires <LocalTime date={key.expiresAt} />
                  </>
                )}
              </span>
            </span>
            <button
              type="button"
              className={`shrink-0 ${secondaryButton("sm")}`}
              aria-label={`Revoke ${key.name}`}
              onClick={() => revoke.mutate({ id: key.id })}
              disabled={revoke.isPending}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </SettingsCard>
  );
}
