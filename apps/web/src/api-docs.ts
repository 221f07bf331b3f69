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

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A document of its own rather than an app route: its CSP lets Scalar's <style> elements in
 * by this response's nonce (Scalar reads it from the csp-nonce meta tag), which the app's
 * pages never allow. The one nonced inline script loads Scalar's build from this origin.
 */
export function apiDocsPage(nonce: string | null): Response {
  const nonceAttribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${nonce ? `<meta property="csp-nonce" content="${escapeAttribute(nonce)}">` : ""}
<title>API reference · Checkmark</title>
<meta name="description" content="The Checkmark REST API: every operation, its input and its answers.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<main id="api-docs">
<h1>Checkmark API reference</h1>
<p id="api-docs-status" role="status">Loading the API reference…</p>
<p>The OpenAPI document itself: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</main>
<script${nonceAttribute}>
(function () {
  var script = document.createElement("script");
  script.src = ${JSON.stringify(__API_DOCS_SCRIPT_URL__)};
  script.onload = function () {
    Scalar.createApiReference("#api-docs", ${JSON.stringify(SCALAR_OPTIONS)});
  };
  script.onerror = function () {
    document.getElementById("api-docs-status").textContent =
      "The API reference could not load. Reload the page to try again.";
  };
  document.body.appendChild(script);
})();
</script>
</body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
