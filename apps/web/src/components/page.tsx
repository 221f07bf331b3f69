import type { ReactNode } from "react";

/** A page's title and the line under it, the same on every page. */
export function PageHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-slate-600">{children}</p>
    </>
  );
}

/** What a list shows while it has nothing in it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="mt-6 rounded-2xl border border-dashed border-slate-300 px-4 py-12 text-center text-slate-500">
      {children}
    </div>
  );
}

/** The white box that forms and list entries sit in. */
export const cardClass = "rounded-2xl border border-slate-200 bg-white shadow-sm";
