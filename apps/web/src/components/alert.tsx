import { CircleAlert, RotateCw } from "lucide-react";
import type { ReactNode } from "react";
import { describeRpcError } from "../lib/rpc-error";

/** A message the user must see, announced by screen readers as it appears. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex gap-2 rounded-lg border border-danger-line bg-danger-surface px-3 py-2 text-sm text-danger"
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}

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
