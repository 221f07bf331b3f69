import { type ConfirmEmailInput, confirmEmailSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { searchText } from "../lib/search-params";
import { useSessionChange, useSessionUser } from "../lib/session";
import { useAuthSubmit } from "../lib/use-auth-submit";

export const Route = createFileRoute("/confirm-email")({
  // The confirmation mail links here with ?token=; the token alone confirms nothing.
  validateSearch: (search): { token?: string } => ({ token: searchText(search.token, 2048) }),
  head: () => ({ meta: [{ title: "Confirm your email · Checkmark" }] }),
  component: ConfirmEmailPage,
});

function ConfirmEmailPage() {
  const { token } = Route.useSearch();
  const user = useSessionUser();
  const onSessionChange = useSessionChange();
  const { serverError, submit } = useAuthSubmit(
    (value: ConfirmEmailInput) =>
      authClient.$fetch<{ status: boolean }>("/confirm-email", {
        method: "POST",
        body: { token: token ?? "", password: value.password },
      }),
    () => onSessionChange("/todos"),
  );
  const form = useAppForm({
    defaultValues: { password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: confirmEmailSchema },
    onSubmit: ({ value }) => submit(value),
  });

  if (!token) {
    return (
      <AuthCard title="Confirm your email" subtitle="This link is incomplete.">
        <Alert>Open the link from the confirmation email again, or sign in to get a new one.</Alert>
      </AuthCard>
    );
  }
  if (user) {
    // Confirming would switch accounts under someone who is signed in: ask them to choose.
    return (
      <AuthCard title="Confirm your email" subtitle={`You are signed in as ${user.email}.`}>
        <p className="text-sm text-ink-muted">
          This link confirms an account. Sign out first, then open the link again.
        </p>
        <Link
          to="/todos"
          className="mt-4 block text-center text-sm text-accent underline-offset-2 hover:underline"
        >
          Back to your todos
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Confirm your email"
      subtitle="Enter the password you chose when you signed up to finish."
    >
      <form.AppForm>
        <form.Form className="space-y-4">
          <form.AppField name="password">
            {(field) => <field.CurrentPasswordField label="Password" />}
          </form.AppField>
          {serverError && <Alert>{serverError}</Alert>}
          <form.SubmitButton pendingLabel="Confirming…">Confirm and sign in</form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </AuthCard>
  );
}
