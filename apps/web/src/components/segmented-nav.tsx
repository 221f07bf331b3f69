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

// Inline layout (not flex), so the space between label and count is kept: the link reads
// "Active 2", to screen readers too. No wrapping: a count never drops under its label.
// The row is 42 px tall like a field (34 + the list's padding); under a finger 44, and each link
// takes taps across that padding and the gaps too.
export const segmentClass =
  "relative block whitespace-nowrap rounded-lg px-3 py-[5px] text-center leading-6 text-sm font-medium text-ink-muted transition hover:text-ink aria-[current=page]:bg-surface aria-[current=page]:text-ink aria-[current=page]:shadow-sm pointer-coarse:py-1.5 pointer-coarse:after:absolute pointer-coarse:after:-inset-x-0.5 pointer-coarse:after:-inset-y-1";

/** One view's label and, when known, how many things it holds. */
export function Segment({ label, count }: { label: string; count?: number }) {
  return (
    <>
      {label}
      {count !== undefined && " "}
      {count !== undefined && (
        <span className="inline-block rounded-full bg-line px-1.5 text-xs tabular-nums text-ink">
          {count}
        </span>
      )}
    </>
  );
}
