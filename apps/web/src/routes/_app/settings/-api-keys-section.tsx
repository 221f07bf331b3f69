import { API_KEY_SCOPES, type ApiKeyScope } from "@checkmark/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/alert";
import { primaryButton } from "../../../components/button-styles";
import { CopyButton } from "../../../components/copy-button";
import { fieldInputClass } from "../../../components/labelled-field";
import { SubmitButton } from "../../../components/submit-button";
import { fieldIssues } from "../../../lib/field-issues";
import { orpc } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";
import { PasswordAgainField } from "./-password-again-field";
import { SettingsCard } from "./-settings-card";

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: "Read only",
  "read-write": "Read and write",
};
const inputClass = `mt-1 text-sm ${fieldInputClass}`;

/** Create, list and revoke API keys; a new key is shown once, right after it is made. */
export function ApiKeysSection() {
  const queryClient = useQueryClient();
  const keys = useQuery(orpc.apiKey.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.apiKey.key() });
  const create = useMutation(orpc.apiKey.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(orpc.apiKey.revoke.mutationOptions({ onSuccess: refresh }));
  const [shownOnce, setShownOnce] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = Number(data.get("expiresInDays"));
    setError(null);
    setPasswordError(null);
    setShownOnce(null);
    try {
      const created = await create.mutateAsync({
        name: String(data.get("name") ?? ""),
        scope: data.get("scope") === "read" ? "read" : "read-write",
        ...(days > 0 ? { expiresInDays: days } : {}),
        password: String(data.get("password") ?? ""),
      });
      setShownOnce(created.key);
      form.reset();
    } catch (caught) {
      // A wrong password is said at its field; the name's rule only for a refused name; any
      // other refusal says its own reason.
      const issues = fieldIssues(caught);
      const password = issues.get("password");
      if (password) return setPasswordError(password);
      setError(
        issues.has("name")
          ? "The key was not created. Give it a name of 1 to 100 characters."
          : describeRpcError(caught, "The key was not created."),
      );
    }
  }

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
      <form className="mt-4 grid gap-3 sm:grid-cols-4" onSubmit={onCreate}>
        <label className="text-sm sm:col-span-2">
          Name
          <input name="name" required maxLength={100} className={inputClass} />
        </label>
        <label className="text-sm">
          Access
          <select name="scope" className={inputClass} defaultValue="read">
            {API_KEY_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Expires in (days)
          <input name="expiresInDays" type="number" min={1} max={365} className={inputClass} />
        </label>
        <div className="sm:col-span-2">
          <PasswordAgainField
            error={passwordError}
            hint="A key keeps working after a password reset, so making one takes your password."
          />
        </div>
        <div className="sm:col-span-4">
          <SubmitButton className={primaryButton("sm")} disabled={create.isPending}>
            Create key
          </SubmitButton>
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
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
          <li key={key.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              <strong>{key.name}</strong> <code>{key.start}…</code> · {SCOPE_LABELS[key.scope]}
              {key.expiresAt ? ` · expires ${key.expiresAt.toLocaleDateString()}` : ""}
            </span>
            <button
              type="button"
              className="rounded-lg border border-line-strong px-2 py-1"
              onClick={() => revoke.mutate({ id: key.id })}
              disabled={revoke.isPending}
            >
              Revoke {key.name}
            </button>
          </li>
        ))}
      </ul>
    </SettingsCard>
  );
}
