import { useEffect } from "react";
import { Toaster as Sonner } from "sonner";
import { toasterReady } from "../lib/toasts";
import { useTheme } from "./theme";

// Screen readers announce changes to a live region they already know: the first toast waits
// this long after the (empty) region appears, so it is heard and not just shown.
const LIVE_REGION_SETTLE_MS = 100;

/** Where toasts appear: sonner's Toaster, whose region is polite-live, in the app's theme. */
export default function Toaster() {
  const { theme } = useTheme();
  useEffect(() => {
    const timer = setTimeout(toasterReady, LIVE_REGION_SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Sonner
      theme={theme}
      position="bottom-right"
      closeButton
      containerAriaLabel="Notifications"
      toastOptions={{ closeButtonAriaLabel: "Dismiss notification" }}
    />
  );
}
