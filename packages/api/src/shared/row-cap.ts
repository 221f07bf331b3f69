import { and, count, type SQL, sql } from "drizzle-orm";
import type { RunnableQuery } from "drizzle-orm/runnable-query";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { type Owner, ownedBy } from "./owner";

/** A table of one user's rows, each with a text id. */
export type CappedTable = SQLiteTable & { id: SQLiteColumn; userId: SQLiteColumn };

/**
 * How much of a table one user may hold: `limit` rows, or of `measure` when given (a sum of
 * sizes, say). `counts` narrows which rows count (live ones, one parent's).
 */
export interface RowCap {
  table: CappedTable;
  limit: number;
  counts?: SQL;
  measure?: SQL<number>;
}

/**
 * The error a procedure answers when a write would take its caller past a cap (409: the
 * account's state refuses it until something is removed). Thrown with `atLimit`'s fields.
 */
export const limitReachedError = {
  status: 409,
  message: "Your account holds the most it may of these.",
  data: z.object({ limit: z.number().int().positive() }),
};

/** LIMIT_REACHED's message, naming the cap, who it bounds, and what to do, and its data. */
export function atLimit(limit: number, things: string, advice: string, holder = "one account") {
  const figure = limit.toLocaleString("en-US");
  return {
    message: `You have ${figure} ${things}, the most ${holder} may hold. ${advice}`,
    data: { limit },
  };
}

/** `column IN ids`, the ids travelling as one JSON value: any number of them is one parameter. */
export const idIn = (column: SQLiteColumn, ids: string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * The statement that takes the rows `ids` out again when their owner now holds more rows than
 * the cap allows; it returns the ids it took out. Run it in the same D1 batch as the insert: a
 * batch is one transaction and D1 runs writes one at a time, so two writes racing past the cap
 * cannot both land (the later one counts the earlier one's rows), and a refused insert leaves
 * nothing behind.
 */
export function undoPastCap(owner: Owner, cap: RowCap, ids: string[]) {
  return owner.db
    .delete(cap.table)
    .where(and(idIn(cap.table.id, ids), sql`(${heldUnder(owner, cap)}) > ${cap.limit}`))
    .returning({ id: cap.table.id });
}

/** What `owner` holds of `cap`: the rows it counts, or their `measure`. */
function heldUnder(owner: Owner, cap: RowCap) {
  return owner.db
    .select({ held: cap.measure ?? count() })
    .from(cap.table)
    .where(ownedBy(owner, cap.table, cap.counts));
}

/**
 * The first of `caps` one more row would take `owner` past, or null: an early look before
 * costly work (one D1 batch, a query per cap), from the same caps `insertWithinCaps` checks again
 * in its write. The row adds `measured` to a cap with a `measure` (its size, say), one to a count.
 */
export async function firstCapReached<Cap extends RowCap>(
  owner: Owner,
  caps: readonly [Cap, ...Cap[]],
  measured: number,
): Promise<Cap | null> {
  const [first, ...rest] = caps;
  const held = await owner.db.batch([
    heldUnder(owner, first),
    ...rest.map((cap) => heldUnder(owner, cap)),
  ]);
  const reached = caps.find(
    (cap, i) => Number(held[i]?.[0]?.held ?? 0) + (cap.measure ? measured : 1) > cap.limit,
  );
  return reached ?? null;
}

/**
 * Inserts one row under a fresh id and, in the same batch, `undoPastCap` for each cap in turn:
 * the row as the insert's `.returning(...)` gives it, or the first cap that took it out again
 * (the later ones then find no row to take).
 */
export async function insertWithinCaps<Row, Cap extends RowCap>(
  owner: Owner,
  caps: readonly [Cap, ...Cap[]],
  insert: (id: string) => RunnableQuery<Row[], "sqlite">,
): Promise<{ row: Row; pastCap: null } | { row: null; pastCap: Cap }> {
  const id = uuidv7();
  const [[row], ...undone] = await owner.db.batch([
    insert(id),
    ...caps.map((cap) => undoPastCap(owner, cap, [id])),
  ]);
  if (!row) throw new Error("insert returned no row");
  const pastCap = caps[undone.findIndex((ids) => ids.length > 0)];
  return pastCap ? { row: null, pastCap } : { row, pastCap: null };
}

/** `insertWithinCaps` under one cap: the row, or null when the cap took it out again. */
export async function insertWithinCap<Row>(
  owner: Owner,
  cap: RowCap,
  insert: (id: string) => RunnableQuery<Row[], "sqlite">,
): Promise<Row | null> {
  return (await insertWithinCaps(owner, [cap], insert)).row;
}
