/** Set by vite.config.ts `define` at build time. */
declare const __TOAST_STYLE_HASHES__: string;
