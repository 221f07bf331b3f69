import { type SignInInput, signInSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { guestOnly } from "../lib/guest-only";
import { useAuthSubmit } from "../lib/use-auth-submit";

export const Route = createFileRoute("/sign-in")({
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Sign in · Checkmark" }] }),
  component: SignInPage,
});

function SignInPage() {
  const { serverError, submit } = useAuthSubmit((value: SignInInput) =>
    authClient.signIn.email(value),
  );
  const form = useAppForm({
    defaultValues: { email: "", password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: signInSchema },
    onSubmit: ({ value }) => submit(value),
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
      <form.AppForm>
        <form.Form className="space-y-4">
          <form.AppField name="email">
            {(field) => <field.TextField label="Email" type="email" autoComplete="email" />}
          </form.AppField>
          <form.AppField name="password">
            {(field) => (
              <field.TextField label="Password" type="password" autoComplete="current-password" />
            )}
          </form.AppField>
          {serverError && <Alert>{serverError}</Alert>}
          <form.SubmitButton pendingLabel="Signing in…">Sign in</form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </AuthCard>
  );
}
