import { RotateCw } from "lucide-react";
import { describeRpcError } from "../lib/rpc-error";
import { Alert } from "./alert";

/** A list that could not load (a page, a filter) says why and offers to try again. */
export function LoadError(props: {
  error: unknown;
  fallback: string;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <div className={props.className}>
      <Alert>
        {describeRpcError(props.error, props.fallback)}{" "}
        <button
          type="button"
          onClick={props.onRetry}
          className="inline-flex items-center gap-1 font-medium underline"
        >
          <RotateCw aria-hidden className="size-3.5" />
          Try again
        </button>
      </Alert>
    </div>
  );
}
