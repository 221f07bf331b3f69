import type { TodoSearch } from "@checkmark/api/schemas";
import { type FormEvent, useState } from "react";
import { primaryButton } from "../../../components/button-styles";
import { LabelledInput } from "../../../components/labelled-input";
import { useCreateTodo } from "./-mutations";

type TextCheck = (text: string) => string[];

// The text rule brings zod, which the page's first load goes without: it loads when the form
// is first focused and is awaited on the first send (docs/decisions/085). Should it fail to
// load, the text is sent unchecked and the server's field error says what is wrong.
const loadTextCheck = (): Promise<TextCheck | null> =>
  import("./-todo-text-errors").then(
    (rule) => rule.todoTextErrors,
    () => null,
  );

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
  const [textCheck, setTextCheck] = useState<TextCheck | null>(null);
  const errors = tried && textCheck ? textCheck(text) : [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = textCheck ?? (await loadTextCheck());
    if (check && check(text).length > 0) {
      setTextCheck(() => check);
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
      onFocus={() => void loadTextCheck()}
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
