import { type ComponentType, lazy, Suspense, useSyncExternalStore } from "react";
import { isToasterWanted, onToasterWanted } from "../lib/toasts";

// The Worker never mounts it (no toast is asked for while rendering), so its build leaves sonner out.
const loadToaster = (): Promise<{ default: ComponentType }> =>
  import.meta.env.SSR ? Promise.resolve({ default: () => null }) : import("./toaster");
const Toaster = lazy(loadToaster);

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
