import { createFormHook, createFormHookContexts } from "@tanstack/react-form";
import type { ReactNode } from "react";
import { dangerButton, primaryButton } from "./button-styles";
import { LabelledInput, type LabelledInputProps } from "./labelled-input";
import { SubmitButton } from "./submit-button";

export const { fieldContext, formContext, useFieldContext, useFormContext } =
  createFormHookContexts();

/** One line of text, an address, a password, a date or a date and time. */
function TextField(props: Omit<LabelledInputProps, "name" | "value" | "onChange" | "errors">) {
  const field = useFieldContext<string>();
  return (
    <LabelledInput
      {...props}
      name={field.name}
      value={field.state.value}
      onChange={field.handleChange}
      onBlur={field.handleBlur}
      errors={field.state.meta.errors}
    />
  );
}

/** The password the person signs in with, asked again before something that matters. */
function CurrentPasswordField({
  label = "Your password",
  hint,
}: {
  label?: string;
  hint?: string;
}) {
  return <TextField label={label} type="password" autoComplete="current-password" hint={hint} />;
}

const WIDTHS = {
  /** The narrow cards (sign-in, sign-up): the button spans the card. */
  full: "w-full",
  /** Wide pages (settings): across a phone's width, its own width from `sm` up. */
  fit: "w-full sm:w-auto",
};

/** `danger` for an action that cannot be taken back (deleting the account). */
function FormSubmitButton(props: {
  children: ReactNode;
  pendingLabel: string;
  tone?: "primary" | "danger";
  width?: keyof typeof WIDTHS;
}) {
  const form = useFormContext();
  return (
    <form.Subscribe selector={(state) => state.isSubmitting}>
      {(isSubmitting) => (
        <SubmitButton
          pending={isSubmitting}
          pendingLabel={props.pendingLabel}
          className={`${WIDTHS[props.width ?? "full"]} ${props.tone === "danger" ? dangerButton() : primaryButton()}`}
        >
          {props.children}
        </SubmitButton>
      )}
    </form.Subscribe>
  );
}

/** The form element: our own messages replace the browser's, and submit goes to TanStack Form. */
function Form(props: { className?: string; children: ReactNode }) {
  const form = useFormContext();
  return (
    // POST, so that a send before the page is interactive (or without JavaScript) carries the
    // fields in a body, never in the URL: these forms hold passwords.
    <form
      method="post"
      noValidate
      className={props.className}
      onSubmit={(event) => {
        event.preventDefault();
        // What the server said about the last try is for that try: each send starts clean.
        // This component serves every form, so its field names are not known here.
        for (const name of Object.keys(form.state.fieldMeta) as never[]) {
          if (!form.getFieldMeta(name)?.errorMap.onServer) continue;
          form.setFieldMeta(name, (meta) => ({
            ...meta,
            errorMap: { ...meta.errorMap, onServer: undefined },
          }));
        }
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
  fieldComponents: { TextField, CurrentPasswordField },
  formComponents: { Form, SubmitButton: FormSubmitButton },
});
