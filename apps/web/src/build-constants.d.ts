/** Set by vite.config.ts `define` at build time. */
declare const __TOAST_STYLE_HASHES__: string;
/** Where the client build put Scalar's browser script (build/api-docs-asset.ts). */
declare const __API_DOCS_SCRIPT_URL__: string;
