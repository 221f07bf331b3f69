import { useState } from "react";
import { describeRpcError } from "./rpc-error";

/**
 * Runs a procedure call from a form: its answer, or null with a sentence to show (`fallback`
 * when the error carries none for people).
 */
export function useRpcSubmit<T, R>(call: (value: T) => Promise<R>, fallback: string) {
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (value: T): Promise<R | null> => {
    setServerError(null);
    try {
      return await call(value);
    } catch (error) {
      setServerError(describeRpcError(error, fallback));
      return null;
    }
  };
  return { serverError, submit };
}
