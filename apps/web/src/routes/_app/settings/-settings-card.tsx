import { type ReactNode, useId } from "react";
import { cardClass } from "../../../components/page";

/**
 * One card of the settings page, named by its heading. The page's column sets the width, so
 * every card is as wide as the others; padding and heading are the same on each.
 */
export function SettingsCard(props: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`p-4 sm:p-6 ${cardClass}`}>
      <h2 id={headingId} className="font-medium">
        {props.title}
      </h2>
      {props.description && <p className="mt-1 text-sm text-ink-muted">{props.description}</p>}
      {props.children}
    </section>
  );
}
