// Server-only: the /api/docs page, Scalar's interactive reference of /api/openapi.json.

import { type Theme, themeFromCookies } from "./lib/theme";

// Scalar's options: everything from this origin, nothing that calls out to its vendor.
const SCALAR_OPTIONS = {
  url: "/api/openapi.json",
  // The app's own system fonts; Scalar would otherwise load its fonts from the internet.
  withDefaultFonts: false,
  // Buttons and tools that open the vendor's hosted client, registry or AI services.
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  mcp: { disabled: true },
  agent: { disabled: true },
  documentDownloadType: "json",
  // The page follows the theme chosen in the app (its cookie) instead of a toggle of its own.
  hideDarkModeToggle: true,
  // Ten operations under two tags: every one in view at once, none behind "Show more".
  defaultOpenAllTags: true,
};

/** Checkmark's colours for Scalar, with WCAG AA contrast (public/api-docs/). */
const API_DOCS_THEME_URL = "/api-docs/checkmark-theme.css";

/** The app's theme as Scalar's colour mode; "system" leaves Scalar to follow the browser. */
const colourMode = (theme: Theme) => (theme === "system" ? {} : { forceDarkModeState: theme });

/**
 * A document of its own rather than an app route: its CSP allows inline styles, which Scalar
 * needs and the app's pages never allow, while scripts still need this response's nonce. The
 * one nonced inline script loads Scalar's build from this origin and mounts it.
 */
export function apiDocsPage(request: Request, nonce: string | null): Response {
  // Base64 (security-headers.ts): safe inside an attribute as it is.
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : "";
  const options = {
    ...SCALAR_OPTIONS,
    ...colourMode(themeFromCookies(request.headers.get("cookie"))),
  };
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Checkmark</title>
<meta name="description" content="The Checkmark REST API: every operation, its input and its answers.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${nonce ? `<meta property="csp-nonce" content="${nonce}">` : ""}
<link rel="stylesheet" href="${API_DOCS_THEME_URL}">
</head>
<body>
<header id="api-docs-bar"><a href="/">← Back to Checkmark</a></header>
<div id="api-docs-status">
<h1>Checkmark API reference</h1>
<p role="status">Loading the API reference…</p>
<p>The OpenAPI document itself: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</div>
<div id="api-docs"></div>
<script${nonceAttribute}>
(function () {
  // zod inside Scalar would probe for eval (a CSP violation); jitless is its mode for that.
  globalThis.__zod_globalConfig = { jitless: true };
  // The page CSP allows <style> elements only with this response's nonce. Scalar stamps it on
  // its main stylesheet (from the csp-nonce meta) but not on the ones its components and its
  // toast library create, so every <style> a script creates gets it here. Markup parsed from
  // a string (innerHTML) never passes through createElement and stays blocked.
  var nonce = document.currentScript.nonce;
  var createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (name, options) {
    var element = createElement.call(this, name, options);
    if (String(name).toLowerCase() === "style") element.nonce = nonce;
    return element;
  };
  // Scalar's copy buttons on code samples are icons without a name (axe: button-name).
  new MutationObserver(function () {
    document.querySelectorAll("button.scalar-code-copy:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", "Copy code");
    });
  }).observe(document.getElementById("api-docs"), { childList: true, subtree: true });
  var script = document.createElement("script");
  script.src = ${JSON.stringify(__API_DOCS_SCRIPT_URL__)};
  var status = document.getElementById("api-docs-status");
  script.onload = function () {
    Scalar.createApiReference("#api-docs", ${JSON.stringify(options)});
    status.remove();
  };
  script.onerror = function () {
    status.querySelector("[role=status]").textContent =
      "The API reference could not load. Reload the page to try again.";
  };
  document.body.appendChild(script);
})();
</script>
</body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
