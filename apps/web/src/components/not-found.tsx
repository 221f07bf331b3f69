import { Link } from "@tanstack/react-router";
import { primaryButton } from "./button-styles";

interface NotFoundProps {
  /** What is missing, when the page knows (an event, a user). */
  title?: string;
  detail?: string;
  /** Where to go instead: the list the missing thing would have been in. */
  back?: { to: "/" | "/agenda" | "/admin/users"; label: string };
}

export function NotFound({
  title = "This page does not exist",
  detail = "The link may be old, or the address mistyped.",
  back = { to: "/", label: "Back to the start" },
}: NotFoundProps) {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-ink-muted">{detail}</p>
      <Link to={back.to} className={`mt-6 ${primaryButton()}`}>
        {back.label}
      </Link>
    </div>
  );
}
