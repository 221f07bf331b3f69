import { type ChangeNameInput, changeEmailSchema, changeNameSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/alert";
import { useAppForm } from "../../../components/form";
import { SuccessNote } from "../../../components/success-note";
import { authClient } from "../../../lib/auth-client";
import { orpc } from "../../../lib/orpc";
import { type SessionUser, sessionQuery } from "../../../lib/session";
import { useAuthSubmit } from "../../../lib/use-auth-submit";
import { useRpcSubmit } from "../../../lib/use-rpc-submit";
import { SettingsCard } from "./-settings-card";

/** The display name and the sign-in address. */
export function ProfileSection({ user }: { user: SessionUser }) {
  return (
    <SettingsCard title="Profile">
      <NameForm name={user.name} />
      <EmailForm email={user.email} />
    </SettingsCard>
  );
}

function NameForm({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { serverError, submit } = useAuthSubmit(
    (value: ChangeNameInput) => authClient.updateUser({ name: value.name }),
    async () => {
      setSaved(true);
      // The header and this page read the name from the session.
      await queryClient.invalidateQueries({ queryKey: sessionQuery().queryKey });
      await router.invalidate();
    },
  );
  const form = useAppForm({
    defaultValues: { name },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: changeNameSchema },
    onSubmit: async ({ value }) => {
      setSaved(false);
      await submit(value);
    },
  });
  return (
    <form.AppForm>
      <form.Form className="mt-4 space-y-4">
        <form.AppField name="name">
          {(field) => <field.TextField label="Display name" autoComplete="name" />}
        </form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        {saved && <SuccessNote>Name saved.</SuccessNote>}
        <form.SubmitButton pendingLabel="Saving…" width="fit">
          Save name
        </form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}

function EmailForm({ email }: { email: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { serverError, submit } = useRpcSubmit(
    orpc.account.changeEmail.call,
    "The email was not changed.",
  );
  const form = useAppForm({
    defaultValues: { newEmail: "", password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: changeEmailSchema },
    onSubmit: async ({ value, formApi }) => {
      setSentTo(null);
      const answer = await submit(value);
      if (!answer) return;
      setSentTo(answer.sentTo);
      formApi.reset();
    },
  });
  return (
    <form.AppForm>
      <form.Form className="mt-6 space-y-4 border-t border-line pt-6">
        <p className="text-sm text-ink-muted">
          You sign in with <strong className="text-ink">{email}</strong>. A new address takes effect
          once you open the link we mail to it; until then this one keeps working.
        </p>
        <form.AppField name="newEmail">
          {(field) => <field.TextField label="New email" type="email" autoComplete="email" />}
        </form.AppField>
        <form.AppField name="password">{(field) => <field.CurrentPasswordField />}</form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        {sentTo && (
          <SuccessNote>
            Check {sentTo} for a link to confirm it. Your email changes when you open it.
          </SuccessNote>
        )}
        <form.SubmitButton pendingLabel="Sending…" width="fit">
          Change email
        </form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}
