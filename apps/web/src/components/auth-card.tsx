import type { ReactNode } from "react";
import { cardClass, PageHeading } from "./page";

export function AuthCard(props: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-sm py-12 sm:py-16">
      <PageHeading title={props.title}>{props.subtitle}</PageHeading>
      <div className={`mt-8 p-6 ${cardClass}`}>{props.children}</div>
    </div>
  );
}
