import { type CreateUserInput, createUserSchema } from "@checkmark/api/schemas";
import { ORPCError } from "@orpc/client";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../../components/alert";
import { useAppForm } from "../../../../components/form";
import { cardClass } from "../../../../components/page";
import { fieldIssues, formFailure } from "../../../../lib/field-issues";
import { orpc } from "../../../../lib/orpc";

// A new account is a user's; "Make admin" on its page promotes it.
const newUser: CreateUserInput = { email: "", name: "" };

/** A confirmed account without a password: the person gets the set-your-password mail. */
export function CreateUserForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useMutation(orpc.admin.users.create.mutationOptions());
  const form = useAppForm({
    defaultValues: newUser,
    validationLogic: revalidateLogic(),
    validators: { onDynamic: createUserSchema },
    onSubmit: async ({ value, formApi }) => {
      setServerError(null);
      try {
        const user = await create.mutateAsync(value);
        await queryClient.invalidateQueries({ queryKey: orpc.admin.key() });
        await navigate({ to: "/admin/users/$userId", params: { userId: user.id } });
      } catch (error) {
        const issues = fieldIssues(error);
        // A taken address is about the email field too.
        if (error instanceof ORPCError && error.code === "CONFLICT") {
          issues.set("email", error.message);
        }
        setServerError(formFailure(formApi, error, "The account was not created.", issues));
      }
    },
  });
  return (
    <details className={`mt-6 p-4 ${cardClass}`}>
      <summary className="cursor-pointer text-sm font-medium">Create a user</summary>
      <form.AppForm>
        <form.Form className="mt-4 max-w-md space-y-4">
          <form.AppField name="email">
            {(field) => <field.TextField label="Email" type="email" autoComplete="off" />}
          </form.AppField>
          <form.AppField name="name">
            {(field) => <field.TextField label="Name" autoComplete="off" />}
          </form.AppField>
          {serverError && <Alert>{serverError}</Alert>}
          <p className="text-xs text-ink-muted">
            The account is confirmed at once; the person sets a password from the mailed link.
          </p>
          <form.SubmitButton pendingLabel="Creating…">Create and mail a link</form.SubmitButton>
        </form.Form>
      </form.AppForm>
    </details>
  );
}
