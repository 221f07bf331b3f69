import { signUpSchema } from "@checkmark/api/schemas";
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

export const Route = createFileRoute("/sign-up")({
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Create your account · Checkmark" }] }),
  component: SignUpPage,
});

function SignUpPage() {
  const onSessionChange = useSessionChange();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useAppForm({
    defaultValues: { name: "", email: "", password: "" },
    // Check on submit, then again on every change until the form is valid.
    validationLogic: revalidateLogic(),
    validators: { onDynamic: signUpSchema },
    onSubmit: async ({ value }) => {
      setServerError(null);
      const { error } = await authClient.signUp.email(value);
      if (error) return setServerError(describeAuthError(error));
      await onSessionChange("/todos");
    },
  });

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        <>
          Already have one?{" "}
          <Link to="/sign-in" className="font-medium text-indigo-600 hover:underline">
            Sign in
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
        <form.AppField name="name">
          {(field) => <field.TextField label="Name" autoComplete="name" />}
        </form.AppField>
        <form.AppField name="email">
          {(field) => <field.TextField label="Email" type="email" autoComplete="email" />}
        </form.AppField>
        <form.AppField name="password">
          {(field) => (
            <field.TextField label="Password" type="password" autoComplete="new-password" />
          )}
        </form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        <form.AppForm>
          <form.SubmitButton pendingLabel="Creating account…">Create account</form.SubmitButton>
        </form.AppForm>
      </form>
    </AuthCard>
  );
}
