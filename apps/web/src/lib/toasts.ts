import type { toast as sonnerToast } from "sonner";

// The toast library (sonner) loads with the first toast, not with every page: the page-weight
// budget (bench/budgets.ts) is for what a visit needs. ToastHost (src/components/toast-host.tsx)
// mounts the Toaster when the first toast is asked for; toasts wait until it listens.

type Toast = typeof sonnerToast;

let wanted = false;
const listeners = new Set<() => void>();
let markReady = () => {};
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

export const isToasterWanted = () => wanted;

export function onToasterWanted(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the Toaster once its live region is in the page and listening. */
export const toasterReady = () => markReady();

/** Shows a toast once the Toaster is there; in the browser only (toasts follow user actions). */
export async function showToast(show: (toast: Toast) => void) {
  // import.meta.env.SSR too: the Worker's build then drops sonner, which it never shows.
  if (import.meta.env.SSR || typeof window === "undefined") return;
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  const [{ toast }] = await Promise.all([import("sonner"), ready]);
  show(toast);
}
