import type { ReactNode } from "react";
import { useState } from "react";
import { describeRpcError } from "../lib/rpc-error";
import { Alert } from "./alert";
import { primaryButton } from "./button-styles";
import { SuccessNote } from "./success-note";

/**
 * A mailed link's page: nothing happens on opening it (mail scanners open links too), only
 * when the person presses the button. Shows the outcome, or why the link did not work, unless
 * `onRefused` says the page answers that refusal itself (asking for more, say).
 */
export function MailedLinkAction<Result extends { email: string }>(props: {
  token: string | undefined;
  action: string;
  pendingLabel: string;
  run: (token: string) => Promise<Result>;
  done: (result: Result) => ReactNode;
  onRefused?: (error: unknown) => boolean;
}) {
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "running" }
    | { kind: "done"; result: Result }
    | { kind: "failed"; message: string }
  >({ kind: "idle" });

  if (!props.token) {
    return <Alert>This link is incomplete. Open it from the email again.</Alert>;
  }
  const token = props.token;
  if (state.kind === "done") return <SuccessNote>{props.done(state.result)}</SuccessNote>;

  async function go() {
    setState({ kind: "running" });
    try {
      setState({ kind: "done", result: await props.run(token) });
    } catch (error) {
      setState(
        props.onRefused?.(error)
          ? { kind: "idle" }
          : { kind: "failed", message: describeRpcError(error, "That did not work.") },
      );
    }
  }
  return (
    <div className="space-y-4">
      {state.kind === "failed" && <Alert>{state.message}</Alert>}
      <button
        type="button"
        className={`w-full ${primaryButton()}`}
        disabled={state.kind === "running"}
        onClick={() => void go()}
      >
        {state.kind === "running" ? props.pendingLabel : props.action}
      </button>
    </div>
  );
}
