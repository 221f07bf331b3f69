import { type Database, oncePer } from "@checkmark/db";

/**
 * Queries prepared once per database client and shape, then run with each call's values.
 * Building a query's SQL through Drizzle costs more CPU than SQLite spends reading a page of
 * 50 rows (issue 13), and a list has only a few shapes (which filters are present), whose SQL
 * never depends on the values. `build` must put every per-call value in a placeholder.
 */
export function preparedByShape<Shape extends Record<string, string | boolean>, Query>(
  build: (db: Database, shape: Shape) => Query,
): (db: Database, shape: Shape) => Query {
  const shapesOf = oncePer((_db: Database) => new Map<string, Query>());
  return (db, shape) => {
    const byShape = shapesOf(db);
    const key = Object.values(shape).join("|");
    let query = byShape.get(key);
    if (!query) {
      query = build(db, shape);
      byShape.set(key, query);
    }
    return query;
  };
}
