import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";

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
