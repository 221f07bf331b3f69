import { Link, type LinkProps } from "@tanstack/react-router";
import { useState } from "react";
import { authClient } from "../lib/auth-client";
import { type SessionUser, useSessionChange } from "../lib/session";

const linkClass =
  "rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900";

/** A link in the signed-in navigation, marked while its page is open. */
function NavLink({ to, children }: { to: LinkProps["to"]; children: string }) {
  return (
    <Link to={to} className={linkClass} activeProps={{ className: "bg-slate-100 text-slate-900" }}>
      {children}
    </Link>
  );
}

export function Header({ user }: { user: SessionUser | null }) {
  const onSessionChange = useSessionChange();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
      await onSessionChange("/");
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
        <Link to="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-lg bg-indigo-600 text-white"
          >
            ✓
          </span>
          Checkmark
        </Link>
        <div className="flex items-center gap-1">
          {user ? (
            <>
              <NavLink to="/todos">Todos</NavLink>
              {user.role === "admin" && <NavLink to="/admin">Admin</NavLink>}
              <NavLink to="/settings">Settings</NavLink>
              <span
                className="hidden max-w-56 truncate px-2 text-sm text-slate-500 sm:inline"
                data-testid="signed-in-as"
                title={user.email}
              >
                {user.email}
              </span>
              <button
                type="button"
                onClick={signOut}
                disabled={signingOut}
                className={`${linkClass} whitespace-nowrap`}
              >
                {signingOut ? "Signing out…" : "Sign out"}
              </button>
            </>
          ) : (
            <>
              <Link to="/sign-in" className={linkClass}>
                Sign in
              </Link>
              <Link
                to="/sign-up"
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
