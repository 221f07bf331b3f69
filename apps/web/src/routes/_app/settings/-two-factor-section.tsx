import { currentPasswordSchema, totpCodeSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { Alert } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { CopyButton } from "../../../components/copy-button";
import { useAppForm } from "../../../components/form";
import { SuccessNote } from "../../../components/success-note";
import { describeAuthError } from "../../../lib/auth-errors";
import { orpc } from "../../../lib/orpc";
import { factorsClient } from "../../../lib/sign-in-factors-client";
import { SettingsCard } from "./-settings-card";

// The account's current password, by the rule every "type your password again" form uses.
const passwordSchema = z.object({ password: currentPasswordSchema });
const codeSchema = z.object({ code: totpCodeSchema });

interface Setup {
  totpURI: string;
  backupCodes: string[];
}

/** Two-factor sign-in with an authenticator app: turn on (QR, code check, backup codes) or off. */
export function TwoFactorSection() {
  const queryClient = useQueryClient();
  const status = useQuery(orpc.twoFactor.status.queryOptions());
  const [setup, setSetup] = useState<Setup | null>(null);
  const [savedCodes, setSavedCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.twoFactor.key() });

  return (
    <SettingsCard
      title="Two-factor sign-in"
      description="After your password, sign-in asks for a code from an authenticator app on your phone."
    >
      {status.isPending && <p className="mt-4 text-sm text-ink-muted">Loading…</p>}
      {status.isError && (
        <div className="mt-4 space-y-2">
          <Alert>Whether two-factor sign-in is on could not be loaded.</Alert>
          <button type="button" className={secondaryButton("sm")} onClick={() => status.refetch()}>
            Try again
          </button>
        </div>
      )}
      {savedCodes && <BackupCodes codes={savedCodes} onDone={() => setSavedCodes(null)} />}
      {status.data?.enabled === false &&
        (setup ? (
          <ConfirmSetup
            setup={setup}
            onCancel={() => setSetup(null)}
            onConfirmed={async () => {
              setSavedCodes(setup.backupCodes);
              setSetup(null);
              await refresh();
            }}
          />
        ) : (
          <PasswordForm
            action="Turn on"
            run={async (password) => {
              const { data, error } = await factorsClient.twoFactor.enable({ password });
              if (data && "totpURI" in data && data.totpURI) {
                setSetup({ totpURI: data.totpURI, backupCodes: data.backupCodes ?? [] });
              }
              return error;
            }}
          />
        ))}
      {status.data?.enabled === true && !savedCodes && (
        <>
          <SuccessNote>Two-factor sign-in is on.</SuccessNote>
          <PasswordForm
            action="Turn off"
            run={async (password) => {
              const { error } = await factorsClient.twoFactor.disable({ password });
              if (!error) await refresh();
              return error;
            }}
          />
        </>
      )}
    </SettingsCard>
  );
}

type AuthError = { code?: string; message?: string; status?: number } | null;

/** Both turning on and turning off start with the account's password. */
function PasswordForm(props: { action: string; run: (password: string) => Promise<AuthError> }) {
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm({
    defaultValues: { password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: passwordSchema },
    onSubmit: async ({ value }) => {
      setError(null);
      const failed = await props.run(value.password);
      if (failed) setError(describeAuthError(failed));
    },
  });
  return (
    <form.AppForm>
      <form.Form className="mt-4 space-y-4">
        <form.AppField name="password">{(field) => <field.CurrentPasswordField />}</form.AppField>
        {error && <Alert>{error}</Alert>}
        <form.SubmitButton pendingLabel="Checking…" width="fit">
          {`${props.action} two-factor sign-in`}
        </form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}

/** The QR code (and its secret, to type in), then the first code from the app. */
function ConfirmSetup(props: {
  setup: Setup;
  onConfirmed: () => Promise<void>;
  /** Back to the start: nothing is on until a code from the app has been checked. */
  onCancel: () => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const secret = new URL(props.setup.totpURI).searchParams.get("secret") ?? "";

  useEffect(() => {
    // The QR encoder is loaded only here, when someone turns two-factor on (never in the
    // Worker: effects run in the browser, and the guard keeps uqr out of its build).
    if (import.meta.env.SSR) return;
    void import("uqr").then(({ renderSVG }) =>
      setQr(`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(props.setup.totpURI))}`),
    );
  }, [props.setup.totpURI]);

  const form = useAppForm({
    defaultValues: { code: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: codeSchema },
    onSubmit: async ({ value }) => {
      setError(null);
      // The rule drops the spaces people type between the digits.
      const code = totpCodeSchema.parse(value.code);
      const { error: failed } = await factorsClient.twoFactor.verifyTotp({ code });
      if (failed) return setError(describeAuthError(failed));
      await props.onConfirmed();
    },
  });

  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm">
        Scan this code with your authenticator app, or type the key below into it.
      </p>
      <div className="grid size-48 place-items-center rounded-lg bg-white p-2">
        {qr ? (
          <img
            src={qr}
            alt="QR code to add Checkmark to your authenticator app"
            className="size-44"
          />
        ) : (
          <span className="text-sm text-slate-700">Drawing the code…</span>
        )}
      </div>
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-secret" className="break-all font-mono">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy the key" />
      </p>
      <form.AppForm>
        <form.Form className="space-y-4">
          <form.AppField name="code">
            {(field) => (
              <field.TextField
                label="Code from your app"
                inputMode="numeric"
                autoComplete="one-time-code"
              />
            )}
          </form.AppField>
          {error && <Alert>{error}</Alert>}
          <div className="flex flex-wrap gap-2">
            <form.SubmitButton pendingLabel="Checking…" width="fit">
              Check code and turn on
            </form.SubmitButton>
            <button type="button" className={secondaryButton()} onClick={props.onCancel}>
              Cancel
            </button>
          </div>
        </form.Form>
      </form.AppForm>
    </div>
  );
}

/** The ten backup codes, shown this once. */
function BackupCodes(props: { codes: string[]; onDone: () => void }) {
  return (
    <div className="mt-4 space-y-3" role="status">
      <SuccessNote>Two-factor sign-in is on.</SuccessNote>
      <p className="text-sm">
        Save these backup codes somewhere safe. Each signs you in once if you lose your phone. They
        will not be shown again.
      </p>
      <ul
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5"
      >
        {props.codes.map((code) => (
          <li key={code} className="rounded bg-surface-muted px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <CopyButton text={props.codes.join("\n")} label="Copy the codes" />
      <button type="button" className={secondaryButton("sm")} onClick={props.onDone}>
        I have saved them
      </button>
    </div>
  );
}
