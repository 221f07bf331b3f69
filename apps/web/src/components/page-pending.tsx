import { LoaderCircle } from "lucide-react";

/** What a page shows while its data is on the way: a named status and the page's outline. */
export function PagePending() {
  return (
    <div className="py-10" aria-busy="true">
      <p role="status" className="flex items-center gap-2 text-sm text-ink-muted">
        <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />
        Loading…
      </p>
      <div aria-hidden className="mt-6 space-y-3 motion-safe:animate-pulse">
        <div className="h-7 w-48 rounded-md bg-surface-muted" />
        <div className="h-4 w-72 max-w-full rounded-md bg-surface-muted" />
        <div className="mt-6 h-24 rounded-2xl bg-surface-muted" />
        <div className="h-40 rounded-2xl bg-surface-muted" />
      </div>
    </div>
  );
}
