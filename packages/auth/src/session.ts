import type { Auth } from "./auth";

export type SessionResult = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export type SessionUser = SessionResult["user"];

/** The session carried by the request's cookie, or null when signed out or expired. */
export async function readSession(auth: Auth, headers: Headers): Promise<SessionResult | null> {
  return auth.api.getSession({ headers });
}
