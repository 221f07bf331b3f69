import { useState } from "react";
import { describeAuthError } from "./auth-errors";

type AuthCall<T> = (
  value: T,
) => Promise<{ error: { code?: string; message?: string; status?: number } | null }>;

/**
 * Runs a Better Auth call from a form: `onSuccess` when it worked, else a sentence to show.
 * Answers whether it worked, so the form can keep what the person typed when it did not.
 */
export function useAuthSubmit<T>(call: AuthCall<T>, onSuccess: (value: T) => Promise<void> | void) {
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (value: T) => {
    setServerError(null);
    const { error } = await call(value);
    if (error) {
      setServerError(describeAuthError(error));
      return false;
    }
    await onSuccess(value);
    return true;
  };
  return { serverError, submit };
}
