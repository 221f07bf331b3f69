import { useState } from "react";
import { Alert } from "../components/alert";
import { secondaryButton } from "../components/button-styles";
import { useSessionChange } from "../lib/session";
import { factorsClient } from "../lib/sign-in-factors-client";
import { useAuthSubmit } from "../lib/use-auth-submit";

/** Signs in with a passkey this device holds: no email or password typed. */
export function PasskeySignIn() {
  const onSessionChange = useSessionChange();
  const [pending, setPending] = useState(false);
  const { serverError, submit } = useAuthSubmit(
    () => factorsClient.signIn.passkey(),
    () => onSessionChange("/todos"),
  );
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={`w-full ${secondaryButton()}`}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          await submit(undefined).finally(() => setPending(false));
        }}
      >
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
      {serverError && <Alert>{serverError}</Alert>}
    </div>
  );
}
