import type { Database } from "@checkmark/db";
import { and, eq, type SQL } from "drizzle-orm";
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
  // and() with at least one defined condition is never undefined; the fallback satisfies types.
  return and(eq(table.userId, owner.userId), ...conditions) ?? eq(table.userId, owner.userId);
}
