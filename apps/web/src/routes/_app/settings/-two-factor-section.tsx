import { totpCodeSchema } from "@checkmark/api/schemas";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../../components/alert";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { fieldInputClass } from "../../../components/labelled-field";
import { SubmitButton } from "../../../components/submit-button";
import { SuccessNote } from "../../../components/success-note";
import { describeAuthError } from "../../../lib/auth-errors";
import { orpc } from "../../../lib/orpc";
import { factorsClient } from "../../../lib/sign-in-factors-client";
import { SettingsCard } from "./-settings-card";

const inputClass = `mt-1 ${fieldInputClass}`;

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
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    const failed = await props.run(password);
    setPending(false);
    if (failed) setError(describeAuthError(failed));
  }
  return (
    <form className="mt-4 max-w-sm space-y-3" onSubmit={onSubmit}>
      <label className="block text-sm font-medium">
        Your password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </label>
      {error && <Alert>{error}</Alert>}
      <SubmitButton className={primaryButton("sm")} pending={pending} pendingLabel="Checking…">
        {`${props.action} two-factor sign-in`}
      </SubmitButton>
    </form>
  );
}

/** The QR code (and its secret, to type in), then the first code from the app. */
function ConfirmSetup(props: { setup: Setup; onConfirmed: () => Promise<void> }) {
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const secret = new URL(props.setup.totpURI).searchParams.get("secret") ?? "";

  useEffect(() => {
    // The QR encoder is loaded only here, when someone turns two-factor on.
    void import("uqr").then(({ renderSVG }) =>
      setQr(`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(props.setup.totpURI))}`),
    );
  }, [props.setup.totpURI]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = totpCodeSchema.safeParse(new FormData(event.currentTarget).get("code"));
    if (!parsed.success) return setError("Enter the 6-digit code from your app.");
    setPending(true);
    setError(null);
    const { error: failed } = await factorsClient.twoFactor.verifyTotp({ code: parsed.data });
    setPending(false);
    if (failed) return setError(describeAuthError(failed));
    await props.onConfirmed();
  }

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
      </p>
      <form className="max-w-sm space-y-3" onSubmit={onSubmit}>
        <label className="block text-sm font-medium">
          Code from your app
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            className={inputClass}
          />
        </label>
        {error && <Alert>{error}</Alert>}
        <SubmitButton className={primaryButton("sm")} pending={pending} pendingLabel="Checking…">
          Check code and turn on
        </SubmitButton>
      </form>
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
      <button type="button" className={secondaryButton("sm")} onClick={props.onDone}>
        I have saved them
      </button>
    </div>
  );
}
