import type { HTMLAttributes, ReactNode } from "react";
import { fieldInputClass, LabelledField } from "./labelled-field";

export interface LabelledInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** zod issues or sentences to show under the field; any makes it invalid. */
  errors?: unknown[];
  type?: "text" | "email" | "password" | "date" | "datetime-local";
  autoComplete?: string;
  placeholder?: string;
  /** The phone's keyboard: "numeric" for codes and counts typed as text. */
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  /** A line under the field that says why it is asked for. */
  hint?: ReactNode;
}

/**
 * One line of text with its label and messages. Free of any form library, so a page can use
 * it without loading one (the TanStack Form TextField in form.tsx wraps it).
 */
export function LabelledInput(props: LabelledInputProps) {
  return (
    <LabelledField label={props.label} errors={props.errors ?? []} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          onBlur={props.onBlur}
          className={fieldInputClass}
        />
      )}
    </LabelledField>
  );
}
