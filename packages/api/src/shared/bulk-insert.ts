import type { Database } from "@checkmark/db";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * The statement inserting many rows at once, skipping any that would break a unique index; its
 * result's `meta.changes` says how many went in (await it, or run it in a D1 batch). The rows
 * travel as one JSON parameter read by json_each, so a statement is not capped by D1's 100
 * bound parameters, and it is atomic: all or nothing.
 * Every row must carry every listed column (defaults in the schema do not run here), and
 * `rows` must not be empty.
 */
export function insertIgnoringDuplicates<T extends SQLiteTable>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
) {
  const first = rows[0];
  if (!first) throw new Error("no rows to insert");
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => key in columns);
  const names: SQL[] = [];
  const values: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) continue;
    names.push(sql`${sql.identifier(column.name)}`);
    values.push(sql`json_extract(value, ${`$.${key}`})`);
  }
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
  return db.run(
    sql`INSERT INTO ${table} (${sql.join(names, sql`, `)}) SELECT ${sql.join(values, sql`, `)} FROM json_each(${json}) WHERE true ON CONFLICT DO NOTHING`,
  );
}
