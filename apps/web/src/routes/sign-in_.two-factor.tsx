import { backupCodeSchema, totpCodeSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { guestOnly } from "../lib/guest-only";
import { useSessionChange } from "../lib/session";
import { factorsClient } from "../lib/sign-in-factors-client";
import { useAuthSubmit } from "../lib/use-auth-submit";

// The second step of signing in to an account with two-factor on; the password step left a
// short-lived challenge cookie that these calls carry.
export const Route = createFileRoute("/sign-in_/two-factor")({
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Enter your code · Checkmark" }] }),
  component: TwoFactorPage,
});

function TwoFactorPage() {
  const [useBackupCode, setUseBackupCode] = useState(false);
  return (
    <AuthCard
      title="Enter your code"
      subtitle={
        useBackupCode
          ? "Type one of the backup codes you saved. Each works once."
          : "Open your authenticator app and type the six-digit code for Checkmark."
      }
    >
      {useBackupCode ? (
        <CodeForm
          key="backup"
          label="Backup code"
          schema={backupCodeSchema}
          autoComplete="off"
          verify={verifyBackupCode}
        />
      ) : (
        <CodeForm
          key="app"
          label="Code from your app"
          schema={totpCodeSchema}
          autoComplete="one-time-code"
          inputMode="numeric"
          verify={verifyAppCode}
        />
      )}
      <div className="mt-4 flex flex-col items-center gap-2 text-sm">
        <button
          type="button"
          className="text-accent underline-offset-2 hover:underline"
          onClick={() => setUseBackupCode(!useBackupCode)}
        >
          {useBackupCode ? "Use a code from your app" : "Use a backup code instead"}
        </button>
        <Link to="/sign-in" className="text-accent underline-offset-2 hover:underline">
          Start again
        </Link>
      </div>
    </AuthCard>
  );
}

type Verify = (input: { code: string; trustDevice: boolean }) => Promise<{
  error: { code?: string; message?: string; status?: number } | null;
}>;

const verifyAppCode: Verify = ({ code, trustDevice }) =>
  factorsClient.twoFactor.verifyTotp({ code: totpCodeSchema.parse(code), trustDevice });

const verifyBackupCode: Verify = ({ code, trustDevice }) =>
  factorsClient.twoFactor.verifyBackupCode({ code: code.trim(), trustDevice });

/** One code, checked by `verify`; optionally this device is trusted for 30 days. */
function CodeForm(props: {
  label: string;
  schema: typeof totpCodeSchema | typeof backupCodeSchema;
  autoComplete: string;
  inputMode?: "numeric";
  verify: Verify;
}) {
  const onSessionChange = useSessionChange();
  const [trustDevice, setTrustDevice] = useState(false);
  const { serverError, submit } = useAuthSubmit(
    ({ code }: { code: string }) => props.verify({ code, trustDevice }),
    () => onSessionChange("/todos"),
  );
  const form = useAppForm({
    defaultValues: { code: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: z.object({ code: props.schema }) },
    onSubmit: ({ value }) => submit(value),
  });
  return (
    <form.AppForm>
      <form.Form className="space-y-4">
        <form.AppField name="code">
          {(field) => (
            <field.TextField
              label={props.label}
              autoComplete={props.autoComplete}
              inputMode={props.inputMode}
            />
          )}
        </form.AppField>
        <label className="flex items-center gap-2 text-sm text-ink">
          <input
            type="checkbox"
            checked={trustDevice}
            onChange={(event) => setTrustDevice(event.target.checked)}
            className="size-4"
          />
          Trust this device for 30 days
        </label>
        {serverError && <Alert>{serverError}</Alert>}
        <form.SubmitButton pendingLabel="Checking…">Sign in</form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}
