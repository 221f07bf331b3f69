import { Link } from "@tanstack/react-router";
import { Check } from "lucide-react";

/** The app's name and mark, leading home. */
export function Brand() {
  return (
    <Link to="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
      <span
        aria-hidden
        className="grid size-7 place-items-center rounded-lg bg-accent-solid text-on-accent"
      >
        <Check className="size-4.5" strokeWidth={3} />
      </span>
      Checkmark
    </Link>
  );
}
