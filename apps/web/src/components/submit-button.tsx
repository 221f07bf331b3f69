import { useHydrated } from "@tanstack/react-router";
import type { ButtonHTMLAttributes } from "react";

/**
 * A form's submit button for forms only the page's script can send (docs/decisions/101). Until
 * the page is interactive it is disabled, and a disabled default button also stops Enter from
 * sending the form, so nothing typed is lost to a reload and no field lands in a URL. The hint
 * tells screen readers why; with JavaScript off the root page says it (routes/__root.tsx).
 */
export function SubmitButton({
  disabled,
  children,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const ready = useHydrated();
  return (
    <button {...props} type="submit" disabled={disabled || !ready}>
      {children}
      {!ready && <span className="sr-only"> (ready once the page has loaded)</span>}
    </button>
  );
}
