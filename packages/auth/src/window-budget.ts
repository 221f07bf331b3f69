import { type Database, schema } from "@checkmark/db";
import { and, eq, gt, min, sql } from "drizzle-orm";

// A budget of so many of one thing per account per sliding window, counted in D1 (ADR 128,
// ADR 133): each thing spent is a row of the verification table, named by `identifier`, that
// expires when it leaves the window; housekeeping's `verification-expired` job removes it. A
// rate-limit binding cannot count an hour or a day (its periods are 10 or 60 s), and Workers KV
// has no atomic increment.

export interface WindowBudget {
  /** Names what is counted and whose it is (`<kind>:<userId>`): never a secret or an address. */
  identifier: string;
  /** How many may be spent within any one window. */
  limit: number;
  windowMs: number;
}

export type BudgetSpend =
  | { ok: true /** What is left in the window after this one. */; remaining: number }
  | { ok: false; retryAfterSeconds: number };

/** How many of `identifier` are still inside their window at `now`, as an SQL subquery. */
const spentInWindow = (identifier: string, now: number) =>
  sql`(select count(*) from ${schema.verification}
    where identifier = ${identifier} and expires_at > ${now})`;

/**
 * Spends one from the budget in one statement, so concurrent callers cannot both take the last
 * one. With an `id` the spend is idempotent: spending the same id again (a retried step) costs
 * nothing more and succeeds. When the window is full, says how long until its oldest row leaves.
 */
export async function spendFromWindow(
  db: Database,
  { identifier, limit, windowMs }: WindowBudget,
  { id = crypto.randomUUID(), now = Date.now() }: { id?: string; now?: number } = {},
): Promise<BudgetSpend> {
  const { verification } = schema;
  const expiresAt = now + windowMs;
  const live = spentInWindow(identifier, now);
  const inserted = await db.all<{ used: number }>(sql`
    insert into ${verification} (id, identifier, value, expires_at, created_at, updated_at)
    select ${id}, ${identifier}, '', ${expiresAt}, ${now}, ${now}
    where ${live} < ${limit}
    on conflict (id) do nothing
    returning ${live} as used`);
  const used = inserted[0]?.used;
  if (used !== undefined) return { ok: true, remaining: Math.max(0, limit - used) };

  const spent = await db
    .select({ identifier: verification.identifier })
    .from(verification)
    .where(eq(verification.id, id))
    .get();
  if (spent?.identifier === identifier) {
    // Spent before by the same id: a retry, already paid for.
    const [row] = await db.all<{ used: number }>(sql`select ${live} as used`);
    return { ok: true, remaining: Math.max(0, limit - (row?.used ?? limit)) };
  }

  const freedAt = (await windowFreesAt(db, identifier, now)) ?? expiresAt;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
}

/** Whether one more could be spent now (a look, spending nothing). */
export async function windowHasRoom(
  db: Database,
  { identifier, limit }: Pick<WindowBudget, "identifier" | "limit">,
  now = Date.now(),
): Promise<boolean> {
  const [row] = await db.all<{ used: number }>(
    sql`select ${spentInWindow(identifier, now)} as used`,
  );
  return (row?.used ?? 0) < limit;
}

/** When the oldest spend still inside the window leaves it (ms), or null when none is inside. */
export async function windowFreesAt(
  db: Database,
  identifier: string,
  now = Date.now(),
): Promise<number | null> {
  const { verification } = schema;
  const oldest = await db
    .select({ expiresAt: min(verification.expiresAt) })
    .from(verification)
    .where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, new Date(now))))
    .get();
  return oldest?.expiresAt?.getTime() ?? null;
}
