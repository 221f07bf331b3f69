import { calendarDateSchema, type TodoSearch, todoTextSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { z } from "zod";
import { useAppForm } from "../../../components/form";
import { useCreateTodo } from "./-mutations";

const newTodoSchema = z.object({
  text: todoTextSchema,
  dueDate: z.union([z.literal(""), calendarDateSchema]),
});

export function NewTodoForm({ search }: { search: TodoSearch }) {
  const create = useCreateTodo(search);
  const form = useAppForm({
    defaultValues: { text: "", dueDate: "" },
    validationLogic: revalidateLogic(),
    validators: { onDynamic: newTodoSchema },
    onSubmit: ({ value, formApi }) => {
      const text = value.text.trim();
      // The todo shows in the list at once, so the box is free for the next one.
      formApi.reset();
      create.mutate(
        { text, dueDate: value.dueDate || undefined },
        {
          onError: () => {
            // Nothing the user wrote is lost: it comes back unless they typed something new.
            if (!formApi.getFieldValue("text")) {
              formApi.setFieldValue("text", value.text);
              formApi.setFieldValue("dueDate", value.dueDate);
            }
          },
        },
      );
    },
  });

  return (
    <form.AppForm>
      <form.Form className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[1fr_11rem_auto]">
        <div className="col-span-2 min-w-0 sm:col-span-1">
          <form.AppField name="text">
            {(field) => <field.TextField label="New todo" placeholder="What needs doing?" />}
          </form.AppField>
        </div>
        <form.AppField name="dueDate">
          {(field) => <field.TextField label="Due date (optional)" type="date" />}
        </form.AppField>
        <div className="mt-6 w-24 shrink-0 sm:w-28">
          <form.SubmitButton pendingLabel="Adding…">Add</form.SubmitButton>
        </div>
      </form.Form>
    </form.AppForm>
  );
}
