import { type SignUpInput, signUpSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { guestOnly } from "../lib/guest-only";
import { useAuthSubmit } from "../lib/use-auth-submit";

export const Route = createFileRoute("/sign-up")({
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Create your account · Checkmark" }] }),
  component: SignUpPage,
});

function SignUpPage() {
  const navigate = useNavigate();
  // The same answer comes back for a new and a taken email, so both go to "check your email".
  const { serverError, submit } = useAuthSubmit(
    (value: SignUpInput) => authClient.signUp.email({ ...value, callbackURL: "/sign-in" }),
    ({ email }) => navigate({ to: "/check-email", search: { email } }),
  );
  const form = useAppForm({
    defaultValues: { name: "", email: "", password: "" },
    // Check on submit, then again on every change until the form is valid.
    validationLogic: revalidateLogic(),
    validators: { onDynamic: signUpSchema },
    onSubmit: ({ value }) => submit(value),
  });

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        <>
          Already have one?{" "}
          <Link
            to="/sign-in"
            className="font-medium text-accent underline-offset-2 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form.AppForm>
        <form.Form className="space-y-4">
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
          <form.SubmitButton pendingLabel="Creating account…">Create account</form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </AuthCard>
  );
}
