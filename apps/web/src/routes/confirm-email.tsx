import { type ConfirmEmailInput, confirmEmailSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
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
  const [alreadyConfirmed, setAlreadyConfirmed] = useState(false);
  const answeredAlreadyConfirmed = useRef(false);
  const { serverError, submit } = useAuthSubmit(
    async (value: ConfirmEmailInput) => {
      const answer = await authClient.$fetch<{ status: boolean; alreadyConfirmed: boolean }>(
        "/confirm-email",
        { method: "POST", body: { token: token ?? "", password: value.password } },
      );
      answeredAlreadyConfirmed.current = answer.data?.alreadyConfirmed === true;
      return answer;
    },
    // A confirmed address gets no session from its link: say so and send them to sign in.
    () =>
      answeredAlreadyConfirmed.current ? setAlreadyConfirmed(true) : onSessionChange("/todos"),
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
  if (alreadyConfirmed) {
    return (
      <AuthCard title="Already confirmed" subtitle="This email was confirmed before.">
        <p className="text-sm text-ink-muted">
          The link does not sign you in again. Sign in with your password (and your second step, if
          you set one up).
        </p>
        <Link
          to="/sign-in"
          className="mt-4 block text-center text-sm text-accent underline-offset-2 hover:underline"
        >
          Sign in
        </Link>
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
