import { fieldInputClass, LabelledField } from "../../../components/labelled-field";

/**
 * The account's password typed again inside a plain settings form (`name="password"`), for what
 * a stolen session alone must not do; `error` is the server's word for this field.
 */
export function PasswordAgainField(props: { error: string | null; hint?: string }) {
  return (
    <LabelledField
      label="Your password"
      errors={props.error ? [props.error] : []}
      hint={props.hint}
    >
      {(control) => (
        <input
          {...control}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`text-sm ${fieldInputClass}`}
        />
      )}
    </LabelledField>
  );
}
