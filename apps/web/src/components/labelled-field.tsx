import { type ReactNode, useId } from "react";

/** zod issues and plain strings alike, as the sentences a person reads. */
export function messagesOf(errors: unknown[]): string[] {
  const messages = errors.map((error) =>
    typeof error === "string"
      ? error
      : error && typeof error === "object" && "message" in error
        ? String(error.message)
        : "",
  );
  return [...new Set(messages.filter(Boolean))];
}

/** The look of every text-like control: input, textarea, select. */
export const fieldInputClass =
  "block w-full rounded-lg border border-field-border bg-surface px-3 py-2 text-ink shadow-sm transition placeholder:text-ink-muted focus-visible:outline-offset-0 aria-[invalid=true]:border-danger";

/** What a control needs to be named by its label and described by its hint and message. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

/** A label above a control, an optional hint and, when invalid, the messages tied to it. */
export function LabelledField(props: {
  label: string;
  errors: unknown[];
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const messages = messagesOf(props.errors);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [messages.length > 0 && errorId, props.hint && hintId].filter(Boolean);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      {props.children({
        id,
        "aria-invalid": messages.length > 0,
        "aria-describedby": describedBy.join(" ") || undefined,
      })}
      {props.hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {props.hint}
        </p>
      )}
      {messages.length > 0 && (
        <p id={errorId} className="text-sm text-danger">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}
