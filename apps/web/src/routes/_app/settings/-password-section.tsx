import { type ChangePasswordInput, changePasswordSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useState } from "react";
import { Alert } from "../../../components/alert";
import { useAppForm } from "../../../components/form";
import { SuccessNote } from "../../../components/success-note";
import { authClient } from "../../../lib/auth-client";
import { useAuthSubmit } from "../../../lib/use-auth-submit";
import { SettingsCard } from "./-settings-card";

/** A new password; every other device is signed out with it. */
export function PasswordSection() {
  const [changed, setChanged] = useState(false);
  const { serverError, submit } = useAuthSubmit(
    // The server signs out every other device whatever is asked; asking says what we mean.
    (value: ChangePasswordInput) =>
      authClient.changePassword({ ...value, revokeOtherSessions: true }),
    () => setChanged(true),
  );
  const form = useAppForm({
    defaultValues: { currentPassword: "", newPassword: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: changePasswordSchema },
    onSubmit: async ({ value, formApi }) => {
      setChanged(false);
      // A refused change keeps the new password typed; only the current one is asked again.
      if (await submit(value)) formApi.reset();
      else formApi.resetField("currentPassword");
    },
  });

  return (
    <SettingsCard
      title="Change your password"
      description="Every other device signed in to your account will be signed out."
    >
      <form.AppForm>
        <form.Form className="mt-4 space-y-4">
          <form.AppField name="currentPassword">
            {(field) => <field.CurrentPasswordField label="Current password" />}
          </form.AppField>
          <form.AppField name="newPassword">
            {(field) => (
              <field.TextField label="New password" type="password" autoComplete="new-password" />
            )}
          </form.AppField>
          {serverError && <Alert>{serverError}</Alert>}
          {changed && (
            <SuccessNote>Password changed. Other devices have been signed out.</SuccessNote>
          )}
          <form.SubmitButton pendingLabel="Saving…" width="fit">
            Change password
          </form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </SettingsCard>
  );
}
