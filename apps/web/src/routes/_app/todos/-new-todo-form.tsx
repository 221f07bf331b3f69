import { todoTextSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useAppForm } from "../../../components/form";
import { orpc } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";

const newTodoSchema = z.object({ text: todoTextSchema });

export function NewTodoForm({ onError }: { onError: (message: string | null) => void }) {
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
      onError(null);
      try {
        await create.mutateAsync({ text: value.text });
        formApi.reset();
      } catch (error) {
        // The typed text stays in the box, so nothing the user wrote is lost.
        onError(describeRpcError(error, "Your todo was not saved."));
      }
    },
  });

  return (
    <form.AppForm>
      <form.Form className="flex items-start gap-2">
        <div className="flex-1">
          <form.AppField name="text">
            {(field) => <field.TextField label="New todo" placeholder="What needs doing?" />}
          </form.AppField>
        </div>
        <div className="mt-6 w-28">
          <form.SubmitButton pendingLabel="Adding…">Add</form.SubmitButton>
        </div>
      </form.Form>
    </form.AppForm>
  );
}
