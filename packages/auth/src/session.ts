import type { Auth } from "./auth";

export type SessionResult = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export type SessionUser = SessionResult["user"];

/** The session carried by the request's cookie, or null when signed out or expired. */
export async function readSession(auth: Auth, request: Request): Promise<SessionResult | null> {
  // Calls made over a service binding carry no Host header; Better Auth needs one to know
  // which origin it serves, and the request's URL names it.
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  return auth.api.getSession({ headers });
}
