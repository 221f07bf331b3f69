// The app's kinds of button, shared by buttons and by links that look like buttons.
// Sizes are part of the class list so no two classes set the same property. Every kind has a
// 1-px border (transparent where it shows none), so all are one height: 42 px at "md", a field's.

type Size = "sm" | "md" | "lg";

const SIZES: Record<Size, string> = {
  // At least 44 px tall under a finger (a phone), as every control a thumb presses.
  sm: "px-3 py-1.5 text-sm pointer-coarse:min-h-11",
  md: "px-4 py-2",
  lg: "px-5 py-2.5",
};

// Disabled: "not allowed"; disabled because it is being sent (aria-busy): "wait".
const shape =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium shadow-sm transition disabled:cursor-not-allowed aria-busy:cursor-wait";

/** The one main action of a form or page. */
export const primaryButton = (size: Size = "md") =>
  `${shape} ${SIZES[size]} border border-transparent bg-accent-solid text-on-accent hover:bg-accent-solid-hover disabled:opacity-70`;

/** Everything else a user can press. */
export const secondaryButton = (size: Size = "md") =>
  `${shape} ${SIZES[size]} border border-line-strong bg-surface text-ink hover:bg-surface-muted disabled:opacity-60`;

/** An action that destroys or locks out something: it must not look like the everyday one. */
export const dangerButton = (size: Size = "md") =>
  `${shape} ${SIZES[size]} border border-transparent bg-red-600 text-white hover:bg-red-700 disabled:opacity-70`;
