interface Env {
  DB: D1Database;
}

let seeded: Promise<unknown> | undefined;

// 100 rows shaped like todos, created once per process; each request reads a page of 50.
function seed(db: D1Database) {
  seeded ??= db.batch([
    db.prepare(
      "CREATE TABLE IF NOT EXISTS item (id TEXT PRIMARY KEY, text TEXT NOT NULL, completed INTEGER NOT NULL, owner TEXT NOT NULL, created_at INTEGER NOT NULL)",
    ),
    db.prepare("CREATE INDEX IF NOT EXISTS item_owner ON item (owner, created_at)"),
    ...Array.from({ length: 100 }, (_, i) =>
      db
        .prepare("INSERT OR IGNORE INTO item VALUES (?, ?, 0, 'bench', ?)")
        .bind(`item-${i}`, `Item number ${i}`, i),
    ),
  ]);
  return seeded;
}

export default {
  async fetch(_request, env) {
    await seed(env.DB);
    const { results } = await env.DB.prepare(
      "SELECT id, text, completed, created_at FROM item WHERE owner = ? ORDER BY created_at DESC LIMIT 50",
    )
      .bind("bench")
      .all();
    return Response.json({ items: results });
  },
} satisfies ExportedHandler<Env>;
