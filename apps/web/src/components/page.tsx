import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** A page's title and the line under it, the same on every page. */
export function PageHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-ink-muted">{children}</p>
    </>
  );
}

/** What a list shows while it has nothing in it: what this place is for, and what to do. */
export function EmptyState(props: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  const Icon = props.icon;
  return (
    <div className="mt-6 flex flex-col items-center rounded-2xl border border-dashed border-line-strong px-6 py-12 text-center">
      <span className="grid size-12 place-items-center rounded-full bg-surface-muted text-ink-muted">
        <Icon aria-hidden className="size-6" />
      </span>
      <h2 className="mt-4 font-semibold">{props.title}</h2>
      <p className="mt-1 max-w-sm text-sm text-ink-muted">{props.children}</p>
      {props.action && <div className="mt-5">{props.action}</div>}
    </div>
  );
}

/** The box that forms and list entries sit in. */
export const cardClass = "rounded-2xl border border-line bg-surface shadow-sm";
