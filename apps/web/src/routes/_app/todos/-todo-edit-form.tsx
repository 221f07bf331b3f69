import { TODO_TEXT_MAX, type Todo, todoTextSchema } from "@checkmark/api/schemas";
import { useEffect, useId, useRef, useState } from "react";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { IconButton } from "../../../components/icon-button";

export interface TodoChanges {
  text?: string;
  dueDate?: string | null;
}

const fieldClass =
  "block rounded-lg border border-field-border bg-surface px-3 py-1.5 text-ink shadow-sm focus-visible:outline-offset-0 aria-[invalid=true]:border-danger";

/**
 * A todo's text and due date, edited where the todo is: Enter saves, Escape cancels. Only
 * what changed is sent; nothing changed just closes the form.
 */
export function TodoEditForm(props: {
  todo: Todo;
  onSave: (changes: TodoChanges) => void;
  onCancel: () => void;
}) {
  const { todo } = props;
  const id = useId();
  const [text, setText] = useState(todo.text);
  const [dueDate, setDueDate] = useState(todo.dueDate ?? "");
  const [error, setError] = useState<string | null>(null);
  const textInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    textInput.current?.select();
  }, []);

  const save = () => {
    const parsed = todoTextSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Write something to do.");
      textInput.current?.focus();
      return;
    }
    const changes: TodoChanges = {};
    if (parsed.data !== todo.text) changes.text = parsed.data;
    if ((dueDate || null) !== todo.dueDate) changes.dueDate = dueDate || null;
    props.onSave(changes);
  };

  return (
    <form
      noValidate
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <div className="w-full min-w-0 sm:w-auto sm:flex-1">
        <input
          ref={textInput}
          value={text}
          maxLength={TODO_TEXT_MAX}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          aria-label={`Edit “${todo.text}”`}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`w-full ${fieldClass}`}
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-danger">
            {error}
          </p>
        )}
      </div>
      <div className="flex items-center gap-1">
        <input
          type="date"
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
          aria-label={`Due date of “${todo.text}”`}
          className={fieldClass}
        />
        {dueDate && (
          <IconButton label="Clear the due date" icon="x" onClick={() => setDueDate("")} />
        )}
      </div>
      <div className="ml-auto flex gap-2">
        <button type="button" onClick={props.onCancel} className={secondaryButton("sm")}>
          Cancel
        </button>
        <button type="submit" className={primaryButton("sm")}>
          Save
        </button>
      </div>
    </form>
  );
}
