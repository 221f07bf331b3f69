import type { Auth } from "./auth";
import { banRefusal } from "./ban";

export type SessionResult = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export type SessionUser = SessionResult["user"];

/** The session carried by the request's cookie, or null when signed out or expired. */
export async function readSession(auth: Auth, request: Request): Promise<SessionResult | null> {
  // Calls made over a service binding carry no Host header; Better Auth needs one to know
  // which origin it serves, and the request's URL names it.
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  const result = await auth.api.getSession({ headers });
  // A ban deletes the user's sessions; this also covers one that raced the ban.
  return result && !banRefusal(result.user) ? result : null;
}
