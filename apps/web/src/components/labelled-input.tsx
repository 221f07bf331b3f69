import { useId } from "react";

export interface LabelledInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Sentences to show under the field; any makes it invalid. */
  errors?: string[];
  type?: "text" | "email" | "password" | "date";
  autoComplete?: string;
  placeholder?: string;
}

/**
 * A text field with its label and its error messages tied to it. Free of any form library,
 * so a page can use it without loading one (the TanStack Form fields in form.tsx wrap it).
 */
export function LabelledInput(props: LabelledInputProps) {
  const id = useId();
  const errors = props.errors ?? [];
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        className="block w-full rounded-lg border border-field-border bg-surface px-3 py-2 text-ink shadow-sm transition placeholder:text-ink-muted focus-visible:outline-offset-0 aria-[invalid=true]:border-danger"
      />
      {errors.length > 0 && (
        <p id={errorId} className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
