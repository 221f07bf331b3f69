import { type ForgotPasswordInput, forgotPasswordSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { useAuthSubmit } from "../lib/use-auth-submit";

export const Route = createFileRoute("/forgot-password")({
  head: () => ({ meta: [{ title: "Reset your password · Checkmark" }] }),
  component: ForgotPasswordPage,
});

function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { serverError, submit } = useAuthSubmit(
    (value: ForgotPasswordInput) =>
      authClient.requestPasswordReset({ ...value, redirectTo: "/reset-password" }),
    ({ email }) => setSentTo(email),
  );
  const form = useAppForm({
    defaultValues: { email: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: forgotPasswordSchema },
    onSubmit: ({ value }) => submit(value),
  });

  return (
    <AuthCard title="Reset your password" subtitle="We will email you a link to choose a new one.">
      {sentTo ? (
        <div role="status" className="space-y-4 text-sm text-ink-muted">
          <p>
            If <strong className="text-ink">{sentTo}</strong> has an account, a reset link is on its
            way. It works for one hour.
          </p>
          <Link
            to="/sign-in"
            className="block text-center text-accent underline-offset-2 hover:underline"
          >
            Back to sign in
          </Link>
        </div>
      ) : (
        <form.AppForm>
          <form.Form className="space-y-4">
            <form.AppField name="email">
              {(field) => <field.TextField label="Email" type="email" autoComplete="email" />}
            </form.AppField>
            {serverError && <Alert>{serverError}</Alert>}
            <form.SubmitButton pendingLabel="Sending…">Email me a link</form.SubmitButton>
            <p className="text-center text-sm">
              <Link to="/sign-in" className="text-accent underline-offset-2 hover:underline">
                Back to sign in
              </Link>
            </p>
          </form.Form>
        </form.AppForm>
      )}
    </AuthCard>
  );
}
