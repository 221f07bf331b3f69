// Server-only: the /api/docs page, Scalar's interactive reference of /api/openapi.json.

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
};

/**
 * A document of its own rather than an app route: its CSP allows inline styles, which Scalar
 * needs and the app's pages never allow, while scripts still need this response's nonce. The
 * one nonced inline script loads Scalar's build from this origin and mounts it.
 */
export function apiDocsPage(nonce: string | null): Response {
  // Base64 (security-headers.ts): safe inside an attribute as it is.
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Checkmark</title>
<meta name="description" content="The Checkmark REST API: every operation, its input and its answers.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
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
  var script = document.createElement("script");
  script.src = ${JSON.stringify(__API_DOCS_SCRIPT_URL__)};
  var status = document.getElementById("api-docs-status");
  script.onload = function () {
    Scalar.createApiReference("#api-docs", ${JSON.stringify(SCALAR_OPTIONS)});
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
