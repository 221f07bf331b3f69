import { Link } from "@tanstack/react-router";
import { primaryButton } from "./button-styles";

export function NotFound() {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-ink-muted">The link may be old, or the address mistyped.</p>
      <Link to="/" className={`mt-6 ${primaryButton()}`}>
        Back to the start
      </Link>
    </div>
  );
}
