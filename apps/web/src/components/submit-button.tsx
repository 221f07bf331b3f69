import { useHydrated } from "@tanstack/react-router";
import type { ButtonHTMLAttributes, ReactNode } from "react";

/**
 * A form's submit button for forms only the page's script can send (docs/decisions/101). Until
 * the page is interactive it is disabled, and a disabled default button also stops Enter from
 * sending the form, so nothing typed is lost to a reload and no field lands in a URL. The hint
 * tells screen readers why; with JavaScript off the root page says it (routes/__root.tsx).
 * While the form is being sent (`pending`) it is disabled too, and shows `pendingLabel`.
 */
export function SubmitButton({
  disabled,
  pending = false,
  pendingLabel,
  children,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  pending?: boolean;
  pendingLabel?: ReactNode;
}) {
  const ready = useHydrated();
  return (
    <button
      {...props}
      type="submit"
      disabled={disabled || pending || !ready}
      aria-busy={pending || undefined}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
      {!ready && <span className="sr-only"> (ready once the page has loaded)</span>}
    </button>
  );
}
