import { Link, type LinkProps } from "@tanstack/react-router";
import { CalendarDays, ListChecks, type LucideIcon, Settings, ShieldCheck } from "lucide-react";
import type { SessionUser } from "../lib/session";

/** A section of the signed-in app: icon and name, marked while its page is open. */
function NavLink({
  to,
  icon: Icon,
  children,
}: {
  to: LinkProps["to"];
  icon: LucideIcon;
  children: string;
}) {
  return (
    <Link
      to={to}
      className="flex items-center justify-center gap-1.5 rounded-md px-2 py-2 text-sm pointer-coarse:min-h-11 font-medium text-ink-muted hover:bg-surface-muted hover:text-ink md:px-3 md:py-1.5"
      activeProps={{ className: "bg-surface-muted text-ink", "aria-current": "page" }}
    >
      <Icon aria-hidden className="size-4 shrink-0" />
      {children}
    </Link>
  );
}

/**
 * The signed-in sections. On phones a full-width row of equal tabs under the header's top
 * line; from md up, inline beside the brand.
 */
export function MainNav({ user, className }: { user: SessionUser; className?: string }) {
  return (
    <nav aria-label="Main" className={className}>
      <ul className="grid auto-cols-fr grid-flow-col gap-1 md:flex">
        <li>
          <NavLink to="/todos" icon={ListChecks}>
            Todos
          </NavLink>
        </li>
        <li>
          <NavLink to="/agenda" icon={CalendarDays}>
            Agenda
          </NavLink>
        </li>
        <li>
          <NavLink to="/settings" icon={Settings}>
            Settings
          </NavLink>
        </li>
        {user.role === "admin" && (
          <li>
            <NavLink to="/admin" icon={ShieldCheck}>
              Admin
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
