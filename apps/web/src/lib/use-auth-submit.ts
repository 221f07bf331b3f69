import { useState } from "react";
import { describeAuthError } from "./auth-errors";

type AuthCall<T> = (
  value: T,
) => Promise<{ error: { code?: string; message?: string; status?: number } | null }>;

/** Runs a Better Auth call from a form: `onSuccess` when it worked, else a sentence to show. */
export function useAuthSubmit<T>(call: AuthCall<T>, onSuccess: (value: T) => Promise<void> | void) {
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (value: T) => {
    setServerError(null);
    const { error } = await call(value);
    if (error) return setServerError(describeAuthError(error));
    await onSuccess(value);
  };
  return { serverError, submit };
}
