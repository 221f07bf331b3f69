import { useState } from "react";
import { describeAuthError } from "./auth-errors";
import { useSessionChange } from "./session";

type AuthCall<T> = (
  value: T,
) => Promise<{ error: { code?: string; message?: string; status?: number } | null }>;

/** Runs a Better Auth call from a form: on success to the todos, on failure a sentence to show. */
export function useAuthSubmit<T>(call: AuthCall<T>) {
  const onSessionChange = useSessionChange();
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (value: T) => {
    setServerError(null);
    const { error } = await call(value);
    if (error) return setServerError(describeAuthError(error));
    await onSessionChange("/todos");
  };
  return { serverError, submit };
}
