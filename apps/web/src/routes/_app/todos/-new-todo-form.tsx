import type { TodoSearch } from "@checkmark/api/schemas";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/alert";
import { primaryButton } from "../../../components/button-styles";
import { LabelledInput } from "../../../components/labelled-input";
import { useCreateTodo } from "./-mutations";
import { newTodoInput, type RefusedTodo } from "./-new-todo-input";

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
 * Without a script it is a plain POST the route answers (docs/decisions/101); `refused` is what
 * that answer brought back.
 */
export function NewTodoForm({ search, refused }: { search: TodoSearch; refused?: RefusedTodo }) {
  const create = useCreateTodo(search);
  const [text, setText] = useState(refused?.text ?? "");
  const [dueDate, setDueDate] = useState(refused?.dueDate ?? "");
  // Checked as you type only once a send has been refused, as the other forms do.
  const [tried, setTried] = useState(refused !== undefined);
  const [textCheck, setTextCheck] = useState<TextCheck | null>(null);
  // The server's word on a posted form stands until the next send (the text's until the rule has
  // loaded to check it live).
  const [serverSaid, setServerSaid] = useState(refused);
  const serverTextErrors = serverSaid?.textError ? [serverSaid.textError] : [];
  const errors = tried ? (textCheck ? textCheck(text) : serverTextErrors) : [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setServerSaid(undefined);
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
    create.mutate(newTodoInput(sent), {
      onError: () => {
        // Nothing the user wrote is lost: it comes back unless they typed something new.
        setText((current) => current || sent.text);
        setDueDate((current) => current || sent.dueDate);
      },
    });
  };

  return (
    // POST to this page: without a script the route adds the todo (docs/decisions/101).
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      onFocus={() => {
        if (!textCheck) void loadTextCheck().then((check) => check && setTextCheck(() => check));
      }}
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
        errors={serverSaid?.dueDateError ? [serverSaid.dueDateError] : []}
      />
      {/* Laid out as a field with an empty label line, so the button lines up with the inputs
          (both 42 px) whatever the label's size, and a message under a field cannot move it. */}
      <div className="w-24 shrink-0 space-y-1 sm:w-28">
        <span aria-hidden className="block text-sm">
          &nbsp;
        </span>
        <button type="submit" className={`w-full ${primaryButton()}`}>
          Add
        </button>
      </div>
      {serverSaid?.message && (
        <div className="col-span-2 sm:col-span-3">
          <Alert>{serverSaid.message}</Alert>
        </div>
      )}
    </form>
  );
}
