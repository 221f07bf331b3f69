import { type ResetPasswordInput, resetPasswordSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { authClient } from "../lib/auth-client";
import { describeAuthError } from "../lib/auth-errors";
import { searchText } from "../lib/search-params";
import { useAuthSubmit } from "../lib/use-auth-submit";

export const Route = createFileRoute("/reset-password")({
  // The mailed link lands here with ?token=, or ?error= when the link was no good.
  validateSearch: (search): { token?: string; error?: string } => ({
    token: searchText(search.token, 256),
    error: searchText(search.error, 64),
  }),
  head: () => ({ meta: [{ title: "Choose a new password · Checkmark" }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { token, error } = Route.useSearch();
  const navigate = useNavigate();
  const { serverError, submit } = useAuthSubmit(
    (value: ResetPasswordInput) => authClient.resetPassword({ ...value, token: token ?? "" }),
    () => navigate({ to: "/sign-in", search: { reset: true } }),
  );
  const form = useAppForm({
    defaultValues: { newPassword: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: resetPasswordSchema },
    onSubmit: ({ value }) => submit(value),
  });

  // Opened without the mailed link at all: not an expired link, just the wrong way in.
  const linkProblem = error
    ? describeAuthError({ code: error })
    : !token
      ? "This page needs the link from your reset email. Ask for a new one if you have none."
      : null;
  return (
    <AuthCard
      title="Choose a new password"
      subtitle="Every device signed in to your account will be signed out."
    >
      {linkProblem ? (
        <div className="space-y-4">
          <Alert>{linkProblem}</Alert>
          <Link
            to="/forgot-password"
            className="block text-center text-sm text-accent underline-offset-2 hover:underline"
          >
            Get a new link
          </Link>
        </div>
      ) : (
        <form.AppForm>
          <form.Form className="space-y-4">
            <form.AppField name="newPassword">
              {(field) => (
                <field.TextField label="New password" type="password" autoComplete="new-password" />
              )}
            </form.AppField>
            {serverError && <Alert>{serverError}</Alert>}
            <form.SubmitButton pendingLabel="Saving…">Save new password</form.SubmitButton>
          </form.Form>
        </form.AppForm>
      )}
    </AuthCard>
  );
}
