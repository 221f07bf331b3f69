import type { ReactNode } from "react";

export function AuthCard(props: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-sm py-16">
      <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{props.subtitle}</p>
      <div className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {props.children}
      </div>
    </div>
  );
}
