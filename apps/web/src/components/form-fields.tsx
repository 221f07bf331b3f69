import { useId } from "react";
import { useFieldContext } from "./form";
import { fieldInputClass, LabelledField, messagesOf } from "./labelled-field";

// Field controls beyond form.tsx's TextField, used inside `form.AppField`.

export function TextAreaField(props: { label: string; rows?: number }) {
  const field = useFieldContext<string>();
  return (
    <LabelledField label={props.label} errors={field.state.meta.errors}>
      {(control) => (
        <textarea
          {...control}
          name={field.name}
          rows={props.rows ?? 3}
          value={field.state.value}
          onChange={(event) => field.handleChange(event.target.value)}
          onBlur={field.handleBlur}
          className={fieldInputClass}
        />
      )}
    </LabelledField>
  );
}

/**
 * One choice of many; an option shows its name from `names`, else its value with "_" as spaces
 * (time zone names).
 */
export function SelectField(props: {
  label: string;
  options: readonly string[];
  names?: Readonly<Record<string, string>>;
}) {
  const field = useFieldContext<string>();
  return (
    <LabelledField label={props.label} errors={field.state.meta.errors}>
      {(control) => (
        <select
          {...control}
          name={field.name}
          value={field.state.value}
          onChange={(event) => field.handleChange(event.target.value)}
          onBlur={field.handleBlur}
          className={fieldInputClass}
        >
          {props.options.map((option) => (
            <option key={option} value={option}>
              {props.names?.[option] ?? option.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

/** A checkbox with its label beside it; `onChange` for fields that follow it. */
export function CheckboxField(props: { label: string; onChange?: (checked: boolean) => void }) {
  const field = useFieldContext<boolean>();
  const id = useId();
  const messages = messagesOf(field.state.meta.errors);
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
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length > 0 ? `${id}-error` : undefined}
          className="size-4 rounded border-field-border accent-accent-solid"
        />
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {props.label}
        </label>
      </div>
      {messages.length > 0 && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}
