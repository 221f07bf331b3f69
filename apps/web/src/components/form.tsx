import { createFormHook, createFormHookContexts } from "@tanstack/react-form";
import { type ReactNode, useId } from "react";
import { primaryButton } from "./button-styles";

export const { fieldContext, formContext, useFieldContext, useFormContext } =
  createFormHookContexts();

/** zod issues and plain strings alike, as the sentences a person reads. */
function messagesOf(errors: unknown[]): string[] {
  const messages = errors.map((error) =>
    typeof error === "string"
      ? error
      : error && typeof error === "object" && "message" in error
        ? String(error.message)
        : "",
  );
  return [...new Set(messages.filter(Boolean))];
}

function TextField(props: {
  label: string;
  type?: "text" | "email" | "password" | "date";
  autoComplete?: string;
  placeholder?: string;
}) {
  const field = useFieldContext<string>();
  const id = useId();
  const errors = messagesOf(field.state.meta.errors);
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {props.label}
      </label>
      <input
        id={id}
        name={field.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        value={field.state.value}
        onChange={(event) => field.handleChange(event.target.value)}
        onBlur={field.handleBlur}
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

function SubmitButton(props: { children: ReactNode; pendingLabel: string }) {
  const form = useFormContext();
  return (
    <form.Subscribe selector={(state) => state.isSubmitting}>
      {(isSubmitting) => (
        <button type="submit" disabled={isSubmitting} className={`w-full ${primaryButton()}`}>
          {isSubmitting ? props.pendingLabel : props.children}
        </button>
      )}
    </form.Subscribe>
  );
}

/** The form element: our own messages replace the browser's, and submit goes to TanStack Form. */
function Form(props: { className?: string; children: ReactNode }) {
  const form = useFormContext();
  return (
    <form
      noValidate
      className={props.className}
      onSubmit={(event) => {
        event.preventDefault();
        void form.handleSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export const { useAppForm } = createFormHook({
  fieldContext,
  formContext,
  fieldComponents: { TextField },
  formComponents: { Form, SubmitButton },
});
