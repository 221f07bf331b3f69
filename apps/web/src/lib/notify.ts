import { describeRpcError } from "./rpc-error";
import { showToast } from "./toasts";

// Toasts for what the user just did. They appear in the Toaster's live region
// (src/components/toaster.tsx), so screen readers announce them too.

export const notifySuccess = (message: string) => {
  void showToast((toast) => toast.success(message));
};

/**
 * Failures stay longer: there is something to read and maybe to do. One that offers to try
 * again (`retry`, labelled Undo) stays until closed: its chance may be a minute away.
 */
export const notifyFailure = (message: string, retry?: () => void) => {
  void showToast((toast) =>
    toast.error(message, {
      duration: retry ? Number.POSITIVE_INFINITY : 10_000,
      action: retry && { label: "Undo", onClick: retry },
    }),
  );
};

/** A failed procedure call, in the words describeRpcError finds for it. */
export const notifyRpcFailure = (error: unknown, fallback: string, retry?: () => void) => {
  notifyFailure(describeRpcError(error, fallback), retry);
};

/** Something done that can be taken back: the toast offers Undo for as long as it shows. */
export const notifyUndoable = (message: string, undo: () => void) => {
  void showToast((toast) =>
    toast.success(message, { duration: 10_000, action: { label: "Undo", onClick: undo } }),
  );
};
