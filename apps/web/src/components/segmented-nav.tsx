import type { ReactNode } from "react";

/**
 * A row of mutually exclusive views that are links (so each view has its own URL): the caller
 * renders the links, marks the current one with `aria-current="page"` and styles each with
 * `segmentClass`.
 */
export function SegmentedNav({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav aria-label={label}>
      <ul className="flex w-full gap-1 rounded-xl bg-surface-muted p-1 sm:w-auto">{children}</ul>
    </nav>
  );
}

export const segmentClass =
  "flex min-h-9 items-center justify-center gap-1.5 rounded-lg px-3 text-sm font-medium text-ink-muted transition hover:text-ink aria-[current=page]:bg-surface aria-[current=page]:text-ink aria-[current=page]:shadow-sm";

/** A view's name as read out: "Active 2" (the badge alone would run into the label). */
export const segmentName = (label: string, count?: number) =>
  count === undefined ? label : `${label} ${count}`;

/** One view's label and, when known, how many things it holds. */
export function Segment({ label, count }: { label: string; count?: number }) {
  return (
    <>
      {label}
      {count !== undefined && (
        <span className="rounded-full bg-line px-1.5 text-xs tabular-nums text-ink">{count}</span>
      )}
    </>
  );
}
