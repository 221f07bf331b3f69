import startHandler from "@tanstack/react-start/server-entry";
import { createNonce, withSecurityHeaders } from "./security-headers";

// The browser only ever talks to this origin: API and auth calls go on to the server
// Worker through the service binding, keeping cookies first-party and CORS out of the way.
const FORWARDED_PREFIXES = ["/rpc/", "/api/auth/", "/api/log/"];
// The server's health check (D1 answers), reached here because the server has no public URL:
// one request proves this Worker, its SERVER binding, the server Worker and its database.
const FORWARDED_PATHS = ["/health"];

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (
      FORWARDED_PATHS.includes(pathname) ||
      FORWARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))
    ) {
      return env.SERVER.fetch(request);
    }
    // Vite's dev client injects inline scripts without a nonce, so the CSP is for builds only.
    const nonce = import.meta.env.PROD ? createNonce() : null;
    const response = await startHandler.fetch(request, { context: { nonce: nonce ?? undefined } });
    return withSecurityHeaders(response, request, nonce);
  },
} satisfies ExportedHandler<Env>;
