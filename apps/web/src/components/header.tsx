import { Link } from "@tanstack/react-router";
import type { SessionUser } from "../lib/session";
import { Brand } from "./brand";
import { primaryButton } from "./button-styles";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";
import { ThemeSelect } from "./theme-select";

/**
 * Signed in: brand, the sections, theme and sign-out (who is signed in shows on Settings); on
 * phones the sections wrap onto a row of their own, so nothing scrolls sideways at 375 px.
 * Signed out: theme, sign-in and sign-up. Under a finger every control is at least 44 px tall.
 */
export function Header({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2.5 pointer-coarse:py-1.5">
        <Brand />
        {user ? (
          <>
            <MainNav user={user} className="order-last w-full md:order-none md:ml-6 md:w-auto" />
            <div className="ml-auto flex items-center gap-1">
              <ThemeSelect />
              <SignOutButton />
            </div>
          </>
        ) : (
          <div className="ml-auto flex items-center gap-1">
            <ThemeSelect />
            <Link
              to="/sign-in"
              className="flex items-center rounded-md px-2.5 py-1.5 text-sm font-medium text-ink-muted hover:bg-surface-muted hover:text-ink pointer-coarse:min-h-11"
            >
              Sign in
            </Link>
            <Link to="/sign-up" className={`${primaryButton("sm")} pointer-coarse:min-h-11`}>
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
