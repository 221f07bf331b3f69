import { TODO_TEXT_MAX, type Todo, todoTextSchema } from "@checkmark/api/schemas";
import { useEffect, useId, useRef, useState } from "react";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { IconButton } from "../../../components/icon-button";

export interface TodoChanges {
  text?: string;
  dueDate?: string | null;
  /** The copy the edit was made from: the server refuses it (CONFLICT) if the todo changed since. */
  updatedAt: Date;
}

/** The newer copy's time, when the server refused an edit made from an older one. */
function changedSince(error: unknown): Date | null {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: { updatedAt?: unknown } };
  const updatedAt = data?.updatedAt;
  return code === "CONFLICT" && updatedAt ? new Date(updatedAt as string | Date) : null;
}

const fieldClass =
  "block rounded-lg border border-field-border bg-surface px-3 py-1.5 text-ink shadow-sm focus-visible:outline-offset-0 aria-[invalid=true]:border-danger";

/**
 * A todo's text and due date, edited where the todo is: Enter saves, Escape cancels. Only
 * what changed since the form opened is sent, with the copy it opened on; nothing changed
 * just closes the form. It stays open until the server has saved the edit, so a refusal
 * (the toast says why) leaves what was typed here to save again (docs/decisions/143).
 */
export function TodoEditForm(props: {
  todo: Todo;
  onSave: (changes: TodoChanges) => Promise<unknown> | undefined;
  onCancel: () => void;
}) {
  const { todo } = props;
  // What the edit is made from: a refetch while it is open (another tab) does not move it.
  const [opened] = useState(todo);
  const id = useId();
  const [text, setText] = useState(todo.text);
  const [dueDate, setDueDate] = useState(todo.dueDate ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Set once the server said the todo changed since it opened; saving again replaces that.
  const [newer, setNewer] = useState<Date | null>(null);
  const textInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    textInput.current?.select();
  }, []);

  const save = () => {
    if (saving) return;
    const parsed = todoTextSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Write something to do.");
      textInput.current?.focus();
      return;
    }
    const changes: TodoChanges = { updatedAt: newer ?? opened.updatedAt };
    if (parsed.data !== opened.text || newer) changes.text = parsed.data;
    if ((dueDate || null) !== opened.dueDate || newer) changes.dueDate = dueDate || null;
    const sent = props.onSave(changes);
    if (!sent) return;
    setSaving(true);
    sent.catch((refusal: unknown) => {
      setSaving(false);
      // Only a conflict says which version is newest; another failure leaves that as it was.
      setNewer((known) => changedSince(refusal) ?? known);
      textInput.current?.focus();
    });
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
        {newer && !error && (
          <p className="mt-1 text-sm text-ink-muted">
            Save again to replace it with this, or Cancel to keep that version.
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
        <button type="submit" aria-disabled={saving || undefined} className={primaryButton("sm")}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
