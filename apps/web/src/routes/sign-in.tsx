import { signInSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { describeAuthError } from "../lib/auth-errors";
import { guestOnly } from "../lib/guest-only";
import { useSessionChange } from "../lib/session";

export const Route = createFileRoute("/sign-in")({
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Sign in · Checkmark" }] }),
  component: SignInPage,
});

function SignInPage() {
  const onSessionChange = useSessionChange();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useAppForm({
    defaultValues: { email: "", password: "" },
    // Check on submit, then again on every change until the form is valid.
    validationLogic: revalidateLogic(),
    validators: { onDynamic: signInSchema },
    onSubmit: async ({ value }) => {
      setServerError(null);
      const { error } = await authClient.signIn.email(value);
      if (error) return setServerError(describeAuthError(error));
      await onSessionChange("/todos");
    },
  });

  return (
    <AuthCard
      title="Welcome back"
      subtitle={
        <>
          New here?{" "}
          <Link to="/sign-up" className="font-medium text-indigo-600 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void form.handleSubmit();
        }}
      >
        <form.AppField name="email">
          {(field) => <field.TextField label="Email" type="email" autoComplete="email" />}
        </form.AppField>
        <form.AppField name="password">
          {(field) => (
            <field.TextField label="Password" type="password" autoComplete="current-password" />
          )}
        </form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        <form.AppForm>
          <form.SubmitButton pendingLabel="Signing in…">Sign in</form.SubmitButton>
        </form.AppForm>
      </form>
    </AuthCard>
  );
}
