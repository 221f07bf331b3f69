import type { Database } from "@checkmark/db";
import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Whose rows a query may touch. `protectedProcedure` builds it from the session, never from
 * input, and services take it instead of a bare database, so there is no owner-less handle to
 * query with by mistake.
 */
export interface Owner {
  readonly db: Database;
  readonly userId: string;
}

/** A table whose rows each belong to one user. */
export interface OwnedTable {
  userId: SQLiteColumn;
}

/**
 * The WHERE of every query on owned rows: the owner's rows, plus whatever else the query
 * needs. Another user's row then matches nothing, exactly like a missing one (NOT_FOUND).
 */
export function ownedBy(owner: Owner, table: OwnedTable, ...conditions: (SQL | undefined)[]): SQL {
  return ownerIs(table, owner.userId, conditions);
}

function ownerIs(table: OwnedTable, userId: string | Placeholder, conditions: (SQL | undefined)[]) {
  // and() with at least one defined condition is never undefined; the fallback satisfies types.
  return and(eq(table.userId, userId), ...conditions) ?? eq(table.userId, userId);
}

const OWNER_ID = sql.placeholder("ownerId");

/**
 * `ownedBy` for a query prepared once and run for many owners (shared/prepared.ts): the
 * owner's id is a placeholder, which only `ownerValues` fills, from the owner.
 */
export function ownedByPlaceholder(table: OwnedTable, ...conditions: (SQL | undefined)[]): SQL {
  return ownerIs(table, OWNER_ID, conditions);
}

/** A prepared owned query's values: the call's own, and the owner's id, taken from the owner. */
export function ownerValues<V extends Record<string, unknown>>(owner: Owner, values: V) {
  return { ...values, ownerId: owner.userId };
}
