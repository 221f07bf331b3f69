import { createServerEntry, createStartHandler } from "@tanstack/react-start/server";
import { apiDocsPage } from "./api-docs";
import { renderPage } from "./render-page";
import { createNonce, withSecurityHeaders } from "./security-headers";

// The browser only ever talks to this origin: API and auth calls go on to the server
// Worker through the service binding, keeping cookies first-party and CORS out of the way.
// /health: the server's health check (D1 answers), reached here because the server has no
// public URL: one request proves this Worker, its SERVER binding, the server Worker and D1.
// /api/v1/ is the same API as REST for other programs (API keys), described by /api/openapi.json.
const FORWARDED_PREFIXES = [
  "/rpc/",
  "/api/auth/",
  "/api/log/",
  "/api/attachments",
  "/api/account/",
  "/api/live",
  "/api/v1/",
];
const FORWARDED_PATHS = new Set(["/api/openapi.json", "/health"]);

const startHandler = createServerEntry({ fetch: createStartHandler(renderPage) });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const { pathname } = url;
    if (
      FORWARDED_PATHS.has(pathname) ||
      FORWARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))
    ) {
      return env.SERVER.fetch(request);
    }
    // Vite's dev client injects inline scripts without a nonce, so the CSP is for builds only.
    const nonce = import.meta.env.PROD ? createNonce() : null;
    if (pathname === "/api/docs") {
      return withSecurityHeaders(apiDocsPage(request, nonce), url, nonce, {
        nonceStyles: true,
      });
    }
    const response = await startHandler.fetch(request, { context: { nonce: nonce ?? undefined } });
    return withSecurityHeaders(response, url, nonce);
  },
} satisfies ExportedHandler<Env>;
