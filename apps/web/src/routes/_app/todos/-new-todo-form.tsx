import { todoTextSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useAppForm } from "../../../components/form";
import { notifyRpcFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";

const newTodoSchema = z.object({ text: todoTextSchema });

export function NewTodoForm() {
  const queryClient = useQueryClient();
  const create = useMutation(
    orpc.todo.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.todo.key() }),
    }),
  );
  const form = useAppForm({
    defaultValues: { text: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: newTodoSchema },
    onSubmit: async ({ value, formApi }) => {
      try {
        await create.mutateAsync({ text: value.text });
        formApi.reset();
        notifySuccess("Todo added.");
      } catch (error) {
        // The typed text stays in the box, so nothing the user wrote is lost.
        notifyRpcFailure(error, "Your todo was not saved.");
      }
    },
  });

  return (
    <form.AppForm>
      <form.Form className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <form.AppField name="text">
            {(field) => <field.TextField label="New todo" placeholder="What needs doing?" />}
          </form.AppField>
        </div>
        <div className="mt-6 w-24 shrink-0 sm:w-28">
          <form.SubmitButton pendingLabel="Adding…">Add</form.SubmitButton>
        </div>
      </form.Form>
    </form.AppForm>
  );
}
