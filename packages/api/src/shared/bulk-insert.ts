import type { Database } from "@checkmark/db";
import { getTableColumns, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * The statement inserting many rows at once, skipping any that would break a unique index; its
 * result's `meta.changes` says how many went in (await it, or run it in a D1 batch). The rows
 * travel as one JSON parameter read by json_each, so a statement is not capped by D1's 100
 * bound parameters, and it is atomic: all or nothing.
 * Every row must carry every column of the table (defaults in the schema do not run here).
 */
export function insertIgnoringDuplicates<T extends SQLiteTable>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
) {
  // Every column, in the table's order: the order Drizzle lists them in an INSERT ... SELECT.
  const keys = Object.keys(getTableColumns(table));
  const values = keys.map((key) => sql`json_extract(value, ${`$.${key}`})`);
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        keys.map((key) => {
          const value = (row as Record<string, unknown>)[key];
          return [key, value instanceof Date ? value.getTime() : value];
        }),
      ),
    ),
  );
  // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT (its docs' advice).
  return db
    .insert(table)
    .select(sql`SELECT ${sql.join(values, sql`, `)} FROM json_each(${json}) WHERE true`)
    .onConflictDoNothing();
}
