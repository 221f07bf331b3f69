import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { PageHeading } from "../../../components/page";
import { formatSize } from "../../../lib/format-size";
import { orpc } from "../../../lib/orpc";
import { useSignedInUser } from "../../../lib/session";
import { ApiKeysSection } from "./-api-keys-section";
import { DevicesSection } from "./-devices-section";
import { PasskeysSection } from "./-passkeys-section";
import { PasswordSection } from "./-password-section";
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
  return (
    <section className="py-10">
      <PageHeading title="Settings">Signed in as {user.email}.</PageHeading>
      <StorageUsage />
      {/* One column: it sets every card's width, so they line up at any screen size. */}
      <div className="mt-6 max-w-2xl space-y-6">
        <ProfileSection user={user} />
        <PasswordSection />
        <ReminderSection />
        <DevicesSection />
        <TwoFactorSection />
        <PasskeysSection />
        <ApiKeysSection />
        <YourDataSection email={user.email} />
      </div>
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
