import { type ChangePasswordInput, changePasswordSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/alert";
import { useAppForm } from "../../../components/form";
import { cardClass, PageHeading } from "../../../components/page";
import { SuccessNote } from "../../../components/success-note";
import { authClient } from "../../../lib/auth-client";
import { formatSize } from "../../../lib/format-size";
import { orpc } from "../../../lib/orpc";
import { useSignedInUser } from "../../../lib/session";
import { useAuthSubmit } from "../../../lib/use-auth-submit";
import { ApiKeysSection } from "./-api-keys-section";
import { DevicesSection } from "./-devices-section";
import { PasskeysSection } from "./-passkeys-section";
import { ProfileSection } from "./-profile-section";
import { ReminderSection } from "./-reminder-section";
import { TwoFactorSection } from "./-two-factor-section";
import { YourDataSection } from "./-your-data-section";

export const Route = createFileRoute("/_app/settings")({
  head: () => ({ meta: [{ title: "Settings · Checkmark" }] }),
  component: SettingsPage,
});

function SettingsPage() {
  const user = useSignedInUser();
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
    <section className="py-10">
      <PageHeading title="Settings">Signed in as {user.email}.</PageHeading>
      <StorageUsage />
      <ProfileSection user={user} />
      <div className={`mt-6 max-w-md p-6 ${cardClass}`}>
        <h2 className="font-medium">Change your password</h2>
        <p className="mt-1 text-sm text-ink-muted">
          Every other device signed in to your account will be signed out.
        </p>
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
            <form.SubmitButton pendingLabel="Saving…">Change password</form.SubmitButton>
          </form.Form>
        </form.AppForm>
      </div>
      <ReminderSection />
      <DevicesSection />
      <TwoFactorSection />
      <PasskeysSection />
      <ApiKeysSection />
      <YourDataSection email={user.email} />
    </section>
  );
}

/** One read-only line: how much of the attachment quota is used. */
function StorageUsage() {
  const usage = useQuery(orpc.attachment.usage.queryOptions());
  if (!usage.data) return null;
  return (
    <p className="mt-4 text-sm text-ink-muted" data-testid="storage-usage">
      Attachments: {formatSize(usage.data.usedBytes)} of {formatSize(usage.data.quotaBytes)} used.
    </p>
  );
}
