import { schema } from "@checkmark/db";
import { count, eq, gte, isNull, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { readThrough } from "../shared/kv-cache";
import type { AdminContext } from "./admin-context";

const DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Where the counts are shared in KV, and for how long (docs/decisions/065). */
export const OVERVIEW_CACHE_KEY = "admin:overview:v1";
export const OVERVIEW_MAX_AGE_SECONDS = 60;

/**
 * The dashboard's figures, counted at most once a minute for every admin and tab: each count
 * scans whole tables (users, todos, sessions), so its cost grows with the data, while a
 * minute-old figure misleads no one. The page shows when they were counted.
 */
export async function cachedOverview(context: AdminContext, now = Date.now()) {
  const { value, computedAt } = await readThrough(
    context.cache,
    OVERVIEW_CACHE_KEY,
    OVERVIEW_MAX_AGE_SECONDS,
    () => overview(context, new Date(now)),
    now,
  );
  return { ...value, countedAt: computedAt };
}

/**
 * Counts, and per UTC day of the last 30: sign-ups (user.created_at) and active users. Active
 * means a session was created or refreshed that day (session.created_at / updated_at; Better
 * Auth refreshes a session at most once a day of use). Sessions that expired or were revoked
 * are gone, so days further back undercount activity.
 */
export async function overview(context: AdminContext, now = new Date()) {
  const { db } = context;
  const { event, session, todo, user } = schema;
  const since = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (DAYS - 1) * DAY_MS,
  );
  const day = (column: SQLiteColumn) =>
    sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;

  const [[users], [confirmed], [todos], [events], signUps, activeCreated, activeUpdated] =
    await db.batch([
      db.select({ n: count() }).from(user),
      db.select({ n: count() }).from(user).where(eq(user.emailVerified, true)),
      // Cleared todos waiting out their undo window are not counted.
      db.select({ n: count() }).from(todo).where(isNull(todo.deletedAt)),
      db.select({ n: count() }).from(event),
      db
        .select({ day: day(user.createdAt), n: count() })
        .from(user)
        .where(gte(user.createdAt, since))
        .groupBy(day(user.createdAt)),
      db
        .selectDistinct({ day: day(session.createdAt), userId: session.userId })
        .from(session)
        .where(gte(session.createdAt, since)),
      db
        .selectDistinct({ day: day(session.updatedAt), userId: session.userId })
        .from(session)
        .where(gte(session.updatedAt, since)),
    ]);

  const signUpsByDay = new Map(signUps.map((r) => [r.day, r.n]));
  const activeByDay = new Map<string, Set<string>>();
  for (const r of [...activeCreated, ...activeUpdated]) {
    const set = activeByDay.get(r.day) ?? new Set<string>();
    set.add(r.userId);
    activeByDay.set(r.day, set);
  }
  const days = Array.from({ length: DAYS }, (_, i) => {
    const key = utcDay(since.getTime() + i * DAY_MS);
    return {
      day: key,
      signUps: signUpsByDay.get(key) ?? 0,
      activeUsers: activeByDay.get(key)?.size ?? 0,
    };
  });

  return {
    users: users?.n ?? 0,
    confirmedUsers: confirmed?.n ?? 0,
    todos: todos?.n ?? 0,
    events: events?.n ?? 0,
    days,
  };
}
