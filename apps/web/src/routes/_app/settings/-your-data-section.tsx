import { deleteAccountFormSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { Download } from "lucide-react";
import { Alert } from "../../../components/alert";
import { secondaryButton } from "../../../components/button-styles";
import { useAppForm } from "../../../components/form";
import { orpc } from "../../../lib/orpc";
import { useSessionChange } from "../../../lib/session";
import { useDownload } from "../../../lib/use-download";
import { useRpcSubmit } from "../../../lib/use-rpc-submit";
import { SettingsCard } from "./-settings-card";

const EXPORTS = [
  { href: "/api/account/export.json", label: "Download your data (JSON)" },
  { href: "/api/account/export.ics", label: "Download your events (.ics)" },
];

/** Download everything the account holds, or delete it for good. */
export function YourDataSection({ email }: { email: string }) {
  const { download, pending, error } = useDownload();
  return (
    <SettingsCard
      title="Your data"
      description="Everything your account holds (profile, todos, events, file names, devices and API key names) as one JSON file, and your events as a calendar file."
    >
      <div className="mt-4 flex flex-wrap gap-3">
        {/* Links first: without JavaScript they are plain downloads the server names. */}
        {EXPORTS.map(({ href, label }) => (
          <a
            key={href}
            href={href}
            download
            onClick={download}
            aria-busy={pending === href}
            className={secondaryButton("sm")}
          >
            <Download aria-hidden className="size-4" />{" "}
            {pending === href ? "Preparing your download…" : label}
          </a>
        ))}
      </div>
      {error && (
        <div className="mt-3">
          <Alert>{error}</Alert>
        </div>
      )}
      <DeleteAccountForm email={email} />
    </SettingsCard>
  );
}

function DeleteAccountForm({ email }: { email: string }) {
  const onSessionChange = useSessionChange();
  const { serverError, submit } = useRpcSubmit(
    orpc.account.delete.call,
    "Your account was not deleted.",
  );
  const form = useAppForm({
    defaultValues: { confirmation: "", password: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: deleteAccountFormSchema },
    onSubmit: async ({ value }) => {
      if (await submit(value)) await onSessionChange("/");
    },
  });
  return (
    <form.AppForm>
      <form.Form className="mt-6 space-y-4 border-t border-line pt-6">
        <h3 className="font-medium text-danger">Delete your account</h3>
        <p className="text-sm text-ink-muted">
          This deletes your todos, events, files and API keys and signs out every device. It cannot
          be undone. Type <strong className="text-ink">{email}</strong> to confirm.
        </p>
        <form.AppField name="confirmation">
          {(field) => <field.TextField label="Your email" type="email" autoComplete="off" />}
        </form.AppField>
        <form.AppField name="password">{(field) => <field.CurrentPasswordField />}</form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        <form.SubmitButton pendingLabel="Deleting…" tone="danger" width="fit">
          Delete my account
        </form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}
