// Server-only: headers the web Worker puts on every page it renders.

/** A fresh, unguessable value per response; only scripts carrying it may run. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Enforcing CSP: scripts need this response's nonce ('strict-dynamic' lets them load the
 * app's own chunks), nothing may frame the page, and forms and fetches stay on this origin.
 * Styles come from the app's stylesheet, plus the toast library's inline one, named by its
 * SHA-256 (build/sonner-style-hash.ts); no other inline style or style attribute applies.
 */
export function contentSecurityPolicy(nonce: string, { nonceStyles = false } = {}): string {
  // Only the API docs page (src/api-docs.ts): the <style> elements Scalar's code creates carry
  // this response's nonce (docs/decisions/054); no other inline <style> applies.
  const styles = nonceStyles ? `'nonce-${nonce}'` : __TOAST_STYLE_HASHES__;
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' ${styles}`,
    // Scalar also renders code samples from HTML strings with style attributes, which no
    // nonce or hash can cover (docs/decisions/054): allowed there, attributes only.
    ...(nonceStyles ? ["style-src-attr 'unsafe-inline'"] : []),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Adds the headers to the page's own response. Start builds it in this Worker, so its headers
 * can be changed in place: copying it into a new Response would turn its string body into a
 * stream the runtime has to pump (docs/decisions/105). A response with immutable headers (a
 * fetched one, `Response.redirect`) is copied first.
 */
export function withSecurityHeaders(
  response: Response,
  url: URL,
  nonce: string | null,
  policy: { nonceStyles?: boolean } = {},
) {
  let secured = response;
  try {
    secured.headers.set("X-Content-Type-Options", "nosniff");
  } catch (error) {
    // Immutable headers throw a TypeError; anything else is a bug to see, not to hide.
    if (!(error instanceof TypeError)) throw error;
    secured = new Response(response.body, response);
    secured.headers.set("X-Content-Type-Options", "nosniff");
  }
  const headers = secured.headers;
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (url.protocol === "https:") {
    headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  if (headers.get("content-type")?.startsWith("text/html")) {
    // Pages are rendered for the person holding the cookie: never store or share them.
    headers.set("Cache-Control", "private, no-store");
    if (nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, policy));
  }
  return secured;
}
