import { type BanFormValues, banEndOf, banFormSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../../components/alert";
import { useAppForm } from "../../../../components/form";
import { fieldIssues, formFailure } from "../../../../lib/field-issues";
import { orpc } from "../../../../lib/orpc";

const noBan: BanFormValues = { reason: "", until: "" };

/** Bans the user with a reason they will see, until a day or until lifted. */
export function BanForm({
  userId,
  onBanned,
}: {
  userId: string;
  onBanned: () => Promise<unknown>;
}) {
  const [serverError, setServerError] = useState<string | null>(null);
  const ban = useMutation(orpc.admin.users.ban.mutationOptions());
  const form = useAppForm({
    defaultValues: noBan,
    validationLogic: revalidateLogic(),
    validators: { onDynamic: banFormSchema },
    onSubmit: async ({ value, formApi }) => {
      setServerError(null);
      try {
        await ban.mutateAsync({
          userId,
          reason: value.reason,
          expiresAt: value.until ? banEndOf(value.until) : undefined,
        });
        await onBanned();
      } catch (error) {
        const issues = fieldIssues(error);
        // The procedure's `expiresAt` is this form's day.
        const end = issues.get("expiresAt");
        if (end) issues.set("until", end);
        setServerError(formFailure(formApi, error, "The user was not banned.", issues));
      }
    },
  });
  return (
    <form.AppForm>
      <form.Form className="mt-3 max-w-md space-y-4">
        <form.AppField name="reason">
          {(field) => <field.TextField label="Reason (the user sees it)" autoComplete="off" />}
        </form.AppField>
        <form.AppField name="until">
          {(field) => <field.TextField label="Until (optional, UTC)" type="date" />}
        </form.AppField>
        {serverError && <Alert>{serverError}</Alert>}
        <form.SubmitButton tone="danger" pendingLabel="Banning…">
          Ban and sign out
        </form.SubmitButton>
      </form.Form>
    </form.AppForm>
  );
}
