import { type SignInInput, signInSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { useAppForm } from "../components/form";
import { SuccessNote } from "../components/success-note";
import { authClient } from "../lib/auth-client";
import { describeAuthError } from "../lib/auth-errors";
import { guestOnly } from "../lib/guest-only";
import { searchFlag, searchText } from "../lib/search-params";
import { useSessionChange } from "../lib/session";
import { useAuthSubmit } from "../lib/use-auth-submit";
import { PasskeySignIn } from "./-passkey-sign-in";

export const Route = createFileRoute("/sign-in")({
  // Better Auth sends people back here with ?error= when a mailed link was no good.
  validateSearch: (search): { error?: string; reset?: true } => ({
    error: searchText(search.error, 64),
    reset: searchFlag(search.reset),
  }),
  beforeLoad: guestOnly,
  head: () => ({ meta: [{ title: "Sign in · Checkmark" }] }),
  component: SignInPage,
});

function SignInPage() {
  const { error: linkError, reset } = Route.useSearch();
  const onSessionChange = useSessionChange();
  const navigate = useNavigate();
  // With two-factor on, the password only opens the second step.
  const needsCode = useRef(false);
  const { serverError, submit } = useAuthSubmit(
    async (value: SignInInput) => {
      const result = await authClient.signIn.email({ ...value, callbackURL: "/sign-in" });
      needsCode.current = Boolean(result.data && "twoFactorRedirect" in result.data);
      return result;
    },
    () => (needsCode.current ? navigate({ to: "/sign-in/two-factor" }) : onSessionChange("/todos")),
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
          <Link
            to="/sign-up"
            className="font-medium text-accent underline-offset-2 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form.AppForm>
        <form.Form className="space-y-4">
          {/* A mailed link that was no good: about the link, so above the form, not at its button. */}
          {linkError && !serverError && <Alert>{describeAuthError({ code: linkError })}</Alert>}
          <form.AppField name="email">
            {(field) => <field.TextField label="Email" type="email" autoComplete="email" />}
          </form.AppField>
          <form.AppField name="password">
            {(field) => <field.CurrentPasswordField label="Password" />}
          </form.AppField>
          {reset && !serverError && (
            <SuccessNote>
              Your password is changed. Sign in with the new one. Your passkeys and API keys still
              work: review them in Settings.
            </SuccessNote>
          )}
          {serverError && <Alert>{serverError}</Alert>}
          <form.SubmitButton pendingLabel="Signing in…">Sign in</form.SubmitButton>
          <PasskeySignIn />
          <p className="text-center text-sm">
            <Link to="/forgot-password" className="text-accent underline-offset-2 hover:underline">
              Forgot your password?
            </Link>
          </p>
        </form.Form>
      </form.AppForm>
    </AuthCard>
  );
}
