import { type Database, oncePer, schema } from "@checkmark/db";
import { eq, sql } from "drizzle-orm";
import type { Auth } from "./auth";
import { banRefusal } from "./ban";
import { sessionCookieReader, verifiedSessionToken } from "./session-cookie";

export type SessionResult = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export type SessionUser = SessionResult["user"];

/**
 * The session row by its token, joined with its user, prepared once per database client:
 * building the SQL costs more CPU than SQLite spends running it (issue 13), so the prepared
 * query keeps the SQL and binds each request's token.
 */
const sessionQuery = oncePer((db: Database) =>
  db
    .select({ session: schema.session, user: schema.user })
    .from(schema.session)
    .innerJoin(schema.user, eq(schema.session.userId, schema.user.id))
    .where(eq(schema.session.token, sql.placeholder("token")))
    .limit(1)
    .prepare(),
);

/**
 * The session carried by the request's cookie, or null when signed out, revoked, expired or
 * banned. One D1 read of the session row joined with its user, every request (ADR 008, ADR 080):
 * whatever deletes or changes either row counts at once.
 */
export async function readSession(
  auth: Auth,
  db: Database,
  request: Request,
): Promise<SessionResult | null> {
  const reader = await sessionCookieReader(auth);
  const token = await verifiedSessionToken(reader, request.headers.get("cookie"));
  if (!token) return null;
  const found = await sessionQuery(db).get({ token });
  if (!found) return null;
  const now = Date.now();
  const expiresAt = found.session.expiresAt.getTime();
  // Expired (Better Auth deletes the row) or due to slide forward (it extends the row): both
  // are writes, left to Better Auth's own path, which runs at most once a day per session.
  // An impersonation session never slides (its hour is fixed, auth.ts), so only expiry counts.
  const dueToSlide =
    !found.session.impersonatedBy && expiresAt - reader.expiresInMs + reader.updateAgeMs <= now;
  if (expiresAt <= now || dueToSlide) return readSessionThroughBetterAuth(auth, request);
  // A ban deletes the user's sessions; this also covers one that raced the ban.
  return banRefusal(found.user) ? null : (found satisfies SessionResult);
}

/** Better Auth's full get-session: refreshes or deletes the row as its rules say. */
async function readSessionThroughBetterAuth(auth: Auth, request: Request) {
  // Calls made over a service binding carry no Host header; Better Auth needs one to know
  // which origin it serves, and the request's URL names it.
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  const result = await auth.api.getSession({ headers });
  return result && !banRefusal(result.user) ? result : null;
}
