import startHandler from "@tanstack/react-start/server-entry";

// The browser only ever talks to this origin: API and auth calls go on to the server
// Worker through the service binding, keeping cookies first-party and CORS out of the way.
const FORWARDED_PREFIXES = ["/rpc/", "/api/auth/"];

export default {
  fetch(request: Request, env: Env): Response | Promise<Response> {
    const { pathname } = new URL(request.url);
    if (FORWARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      return env.SERVER.fetch(request);
    }
    return startHandler.fetch(request);
  },
} satisfies ExportedHandler<Env>;
