import { LogOut } from "lucide-react";
import { useState } from "react";
import { authClient } from "../lib/auth-client";
import { notifyFailure } from "../lib/notify";
import { useSessionChange } from "../lib/session";

/** Signs out and goes home; the word hides on phones, the name stays for screen readers. */
export function SignOutButton() {
  const onSessionChange = useSessionChange();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      const { error } = await authClient.signOut();
      if (error) return notifyFailure("You are still signed in. Try again.");
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
      className="flex h-9 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-sm font-medium text-ink-muted hover:bg-surface-muted hover:text-ink disabled:cursor-wait sm:px-3"
    >
      <LogOut aria-hidden className="size-4" />
      <span className="sr-only sm:not-sr-only">{signingOut ? "Signing out…" : "Sign out"}</span>
    </button>
  );
}
