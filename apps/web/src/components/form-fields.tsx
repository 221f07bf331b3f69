import { type ReactNode, useId } from "react";
import { fieldInputClass, messagesOf, useFieldContext } from "./form";

// Field controls beyond the text box of form.tsx, used inside `form.AppField`. Each has a real
// label and, when invalid, its message tied to the control with aria-describedby.

function useFieldIds() {
  const id = useId();
  return { id, errorId: `${id}-error`, hintId: `${id}-hint` };
}

function FieldMessage({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="text-sm text-danger">
      {errors.join(" ")}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** A date, a date and time, or one line of text. */
export function InputField(props: {
  label: string;
  type?: "text" | "date" | "datetime-local";
  hint?: ReactNode;
}) {
  const field = useFieldContext<string>();
  const { id, errorId, hintId } = useFieldIds();
  const errors = messagesOf(field.state.meta.errors);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <input
        id={id}
        name={field.name}
        type={props.type ?? "text"}
        value={field.state.value}
        onChange={(event) => field.handleChange(event.target.value)}
        onBlur={field.handleBlur}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(
          errors.length > 0 && errorId,
          props.hint ? hintId : undefined,
        )}
        className={fieldInputClass}
      />
      {props.hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {props.hint}
        </p>
      )}
      <FieldMessage id={errorId} errors={errors} />
    </div>
  );
}

export function TextAreaField(props: { label: string; rows?: number }) {
  const field = useFieldContext<string>();
  const { id, errorId } = useFieldIds();
  const errors = messagesOf(field.state.meta.errors);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <textarea
        id={id}
        name={field.name}
        rows={props.rows ?? 3}
        value={field.state.value}
        onChange={(event) => field.handleChange(event.target.value)}
        onBlur={field.handleBlur}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        className={fieldInputClass}
      />
      <FieldMessage id={errorId} errors={errors} />
    </div>
  );
}

export function CheckboxField(props: { label: string; onChange?: (checked: boolean) => void }) {
  const field = useFieldContext<boolean>();
  const { id, errorId } = useFieldIds();
  const errors = messagesOf(field.state.meta.errors);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={field.name}
          type="checkbox"
          checked={field.state.value}
          onChange={(event) => {
            field.handleChange(event.target.checked);
            props.onChange?.(event.target.checked);
          }}
          onBlur={field.handleBlur}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? errorId : undefined}
          className="size-4 rounded border-field-border accent-accent-solid"
        />
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {props.label}
        </label>
      </div>
      <FieldMessage id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField(props: { label: string; options: readonly string[] }) {
  const field = useFieldContext<string>();
  const { id, errorId } = useFieldIds();
  const errors = messagesOf(field.state.meta.errors);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <select
        id={id}
        name={field.name}
        value={field.state.value}
        onChange={(event) => field.handleChange(event.target.value)}
        onBlur={field.handleBlur}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        className={fieldInputClass}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <FieldMessage id={errorId} errors={errors} />
    </div>
  );
}
