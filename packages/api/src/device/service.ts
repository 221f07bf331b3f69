import type { Database } from "@checkmark/db";
import { schema } from "@checkmark/db";
import { and, desc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import { type Owner, ownedBy } from "../shared/owner";
import { asOwnerSeesIt } from "../shared/support-session";
import type { Device } from "./schema";
import { describeUserAgent } from "./user-agent";

const { session } = schema;

/** Last seen is written at most this often per session: one small write, not one per request. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/** The owner's sessions that still work, most recently used first. */
export async function listDevices(owner: Owner, currentSessionId: string): Promise<Device[]> {
  const rows = await owner.db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
      country: session.country,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      impersonatedBy: session.impersonatedBy,
    })
    .from(session)
    .where(ownedBy(owner, session, gt(session.expiresAt, new Date())))
    .orderBy(desc(session.lastSeenAt), desc(session.createdAt));
  return rows.map(asOwnerSeesIt).map(({ userAgent, ...row }) => ({
    ...row,
    ...describeUserAgent(userAgent),
    lastSeenAt: row.lastSeenAt ?? row.createdAt,
    current: row.id === currentSessionId,
  }));
}

/**
 * Ends one of the owner's sessions: that device is signed out on its next request, since every
 * request reads its session row (ADR 008). False when the owner has no such session.
 */
export async function revokeDevice(owner: Owner, sessionId: string): Promise<boolean> {
  const gone = await owner.db
    .delete(session)
    .where(ownedBy(owner, session, eq(session.id, sessionId)))
    .returning({ id: session.id });
  return gone.length > 0;
}

/** Ends every session of the owner but the one asking; answers how many ended. */
export async function revokeOtherDevices(owner: Owner, currentSessionId: string): Promise<number> {
  const gone = await owner.db
    .delete(session)
    .where(ownedBy(owner, session, ne(session.id, currentSessionId)))
    .returning({ id: session.id });
  return gone.length;
}

/** Whether a session's last seen is old enough to write again (cheap: no query). */
export function lastSeenIsStale(seen: { lastSeenAt?: Date | null }, now = Date.now()): boolean {
  return !seen.lastSeenAt || now - seen.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS;
}

/** Records that a session was used now, unless that was recorded in the last few minutes. */
export async function noteSessionSeen(
  db: Database,
  seen: { id: string; lastSeenAt?: Date | null },
): Promise<void> {
  const now = Date.now();
  if (!lastSeenIsStale(seen, now)) return;
  const staleBefore = new Date(now - LAST_SEEN_EVERY_MS);
  await db
    .update(session)
    .set({ lastSeenAt: new Date(now) })
    .where(
      and(
        eq(session.id, seen.id),
        or(isNull(session.lastSeenAt), lt(session.lastSeenAt, staleBefore)),
      ),
    );
}
