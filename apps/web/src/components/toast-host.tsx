import { lazy, Suspense, useSyncExternalStore } from "react";
import { isToasterWanted, onToasterWanted } from "../lib/toasts";

const Toaster = lazy(() => import("./toaster"));

/** Mounts the Toaster, and so loads sonner, when the page first asks for a toast. */
export function ToastHost() {
  const wanted = useSyncExternalStore(onToasterWanted, isToasterWanted, () => false);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  );
}
