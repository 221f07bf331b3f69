import { type TodoSearch, todoTextSchema } from "@checkmark/api/schemas";
import { type FormEvent, useState } from "react";
import { primaryButton } from "../../../components/button-styles";
import { LabelledInput } from "../../../components/labelled-input";
import { useCreateTodo } from "./-mutations";

const textErrors = (text: string) => {
  const parsed = todoTextSchema.safeParse(text);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

/**
 * Plain React state rather than TanStack Form: one field and a date do not need it, and the
 * todos page then loads no form library on a first visit (docs/decisions/013).
 */
export function NewTodoForm({ search }: { search: TodoSearch }) {
  const create = useCreateTodo(search);
  const [text, setText] = useState("");
  const [dueDate, setDueDate] = useState("");
  // Checked as you type only once a send has been refused, as the other forms do.
  const [tried, setTried] = useState(false);
  const errors = tried ? textErrors(text) : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (textErrors(text).length > 0) {
      setTried(true);
      return;
    }
    const sent = { text, dueDate };
    // The todo shows in the list at once, so the box is free for the next one.
    setText("");
    setDueDate("");
    setTried(false);
    create.mutate(
      { text: text.trim(), dueDate: dueDate || undefined },
      {
        onError: () => {
          // Nothing the user wrote is lost: it comes back unless they typed something new.
          setText((current) => current || sent.text);
          setDueDate((current) => current || sent.dueDate);
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[1fr_11rem_auto]"
    >
      <div className="col-span-2 min-w-0 sm:col-span-1">
        <LabelledInput
          label="New todo"
          name="text"
          placeholder="What needs doing?"
          value={text}
          onChange={setText}
          errors={errors}
        />
      </div>
      <LabelledInput
        label="Due date (optional)"
        name="dueDate"
        type="date"
        value={dueDate}
        onChange={setDueDate}
      />
      <div className="mt-6 w-24 shrink-0 sm:w-28">
        <button type="submit" className={`w-full ${primaryButton()}`}>
          Add
        </button>
      </div>
    </form>
  );
}
