import { CircleCheck } from "lucide-react";
import type { ReactNode } from "react";

/** Good news next to the form it is about, announced as it appears. */
export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="flex gap-2 rounded-lg bg-success-surface px-3 py-2 text-sm text-success"
    >
      <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
