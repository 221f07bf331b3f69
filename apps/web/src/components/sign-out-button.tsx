import { LogOut } from "lucide-react";
import { useState } from "react";
import { notifyFailure } from "../lib/notify";
import { useSessionChange } from "../lib/session";

/** Signs out and goes home; the word hides on phones, the name stays for screen readers. */
export function SignOutButton() {
  const onSessionChange = useSessionChange();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      if (!(await signedOut())) return notifyFailure("You are still signed in. Try again.");
      await onSessionChange("/");
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={signingOut}
      className="flex h-9 items-center justify-center gap-1.5 whitespace-nowrap pointer-coarse:h-11 pointer-coarse:min-w-11 rounded-md px-2 text-sm font-medium text-ink-muted hover:bg-surface-muted hover:text-ink disabled:cursor-wait sm:px-3"
    >
      <LogOut aria-hidden className="size-4" />
      <span className="sr-only sm:not-sr-only">{signingOut ? "Signing out…" : "Sign out"}</span>
    </button>
  );
}

/**
 * Better Auth's client loads on the first click, not with every signed-in page that shows
 * this button. False when it could not load or the server kept the session.
 */
async function signedOut() {
  try {
    const { authClient } = await import("../lib/auth-client");
    const { error } = await authClient.signOut();
    return !error;
  } catch {
    return false;
  }
}
