// The todo-shaped rows both D1 baselines read: 100 of them, one owner, and the page they ask for.

/** Statements that create the table and its 100 rows, for a `batch` run once per process. */
export function itemStatements(db: D1Database) {
  return [
    db.prepare(
      "CREATE TABLE IF NOT EXISTS item (id TEXT PRIMARY KEY, text TEXT NOT NULL, completed INTEGER NOT NULL, owner TEXT NOT NULL, created_at INTEGER NOT NULL)",
    ),
    db.prepare("CREATE INDEX IF NOT EXISTS item_owner ON item (owner, created_at)"),
    ...Array.from({ length: 100 }, (_, i) =>
      db
        .prepare("INSERT OR IGNORE INTO item VALUES (?, ?, 0, 'bench', ?)")
        .bind(`item-${i}`, `Item number ${i}`, i),
    ),
  ];
}

/** A page of 50 of the owner's rows, newest first, as JSON. */
export async function itemPage(db: D1Database, owner: string) {
  const { results } = await db
    .prepare(
      "SELECT id, text, completed, created_at FROM item WHERE owner = ? ORDER BY created_at DESC LIMIT 50",
    )
    .bind(owner)
    .all();
  return Response.json({ items: results });
}
