import { secondFactorCodeSchema } from "@checkmark/api/schemas";
import { ORPCError } from "@orpc/client";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { MailedLinkAction } from "../components/mailed-link-action";
import { SuccessNote } from "../components/success-note";
import { formFailure } from "../lib/field-issues";
import { orpc } from "../lib/orpc";
import { mailedLinkSearch } from "../lib/search-params";

export const Route = createFileRoute("/restore-email")({
  // The notice to the old address links here with ?token= ("this wasn't me").
  validateSearch: mailedLinkSearch,
  head: () => ({ meta: [{ title: "Restore your email · Checkmark" }] }),
  component: RestoreEmailPage,
});

const ACTION = "Restore my email and sign out everywhere";

function RestoreEmailPage() {
  const { token } = Route.useSearch();
  // An account that had two-step sign-in on when the email changed needs a code too (ADR 135).
  const [codeAsked, setCodeAsked] = useState(false);
  return (
    <AuthCard
      title="Restore your email"
      subtitle="If you did not change your email, put your old address back and shut out whoever did: every device signed out, every API key and passkey removed."
    >
      {codeAsked && token ? (
        <SecondFactorStep token={token} />
      ) : (
        <MailedLinkAction
          token={token}
          action={ACTION}
          pendingLabel="Restoring…"
          run={(value) => orpc.account.restoreEmail.call({ token: value })}
          onRefused={(error) => {
            const asked = error instanceof ORPCError && error.code === "SECOND_FACTOR_REQUIRED";
            if (asked) setCodeAsked(true);
            return asked;
          }}
          done={({ email, keptSecondFactor }) => (
            <Restored email={email} keptSecondFactor={keptSecondFactor} />
          )}
        />
      )}
    </AuthCard>
  );
}

function Restored(props: { email: string; keptSecondFactor: boolean }) {
  return (
    <>
      Your account signs in with {props.email} again. Every device is signed out, and every API key
      and passkey is removed: add yours again once you are back in.{" "}
      {props.keptSecondFactor
        ? "Two-step sign-in stays on, with your app and your remaining backup codes."
        : "Two-step sign-in is off (whoever changed your email may have set it up)."}{" "}
      Whoever changed it may know your password:{" "}
      <Link to="/forgot-password" className="underline">
        choose a new one now
      </Link>
      .
    </>
  );
}

const codeForm = z.object({ code: secondFactorCodeSchema });

/** The second try: the same link with a code of the account's own second factor. */
function SecondFactorStep({ token }: { token: string }) {
  const [restored, setRestored] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useAppForm({
    defaultValues: { code: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: codeForm },
    onSubmit: async ({ value, formApi }) => {
      setServerError(null);
      try {
        const { email } = await orpc.account.restoreEmail.call({ token, code: value.code });
        setRestored(email);
      } catch (error) {
        setServerError(formFailure(formApi, error, "Your email was not restored."));
      }
    },
  });
  if (restored) {
    return (
      <SuccessNote>
        <Restored email={restored} keptSecondFactor />
      </SuccessNote>
    );
  }
  return (
    <div className="space-y-4">
      <div className="space-y-2 text-sm text-ink-muted">
        <p className="text-ink">
          This account has two-step sign-in on. Enter a code from your authenticator app, or one of
          your backup codes.
        </p>
        <p>
          The link shows that you read this mailbox; the code shows that the account is yours.
          Without your app or a backup code this link cannot restore it: contact Checkmark support
          from this address instead.
        </p>
      </div>
      <form.AppForm>
        <form.Form className="space-y-4">
          <form.AppField name="code">
            {(field) => (
              <field.TextField
                label="Code from your app, or a backup code"
                autoComplete="one-time-code"
              />
            )}
          </form.AppField>
          {serverError && <Alert>{serverError}</Alert>}
          <form.SubmitButton pendingLabel="Restoring…">{ACTION}</form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </div>
  );
}
