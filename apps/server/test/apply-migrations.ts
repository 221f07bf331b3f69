import { applyD1Migrations, env } from "cloudflare:test";

// Test files share one workerd (`isolate: false` in vitest.config.ts), so each file first gets
// what a fresh workerd gave it: DB with every migration applied and nothing else, an empty
// MIGRATION_TEST_DB, an empty bucket.

/** Drops every table (rows, indexes and triggers go with them), d1_migrations too. */
async function dropAllTables(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT m.name, group_concat(f."table") AS parents FROM sqlite_master m
       LEFT JOIN pragma_foreign_key_list(m.name) f ON f."table" != m.name
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%'
       GROUP BY m.name`,
    )
    .all<{ name: string; parents: string | null }>();
  // Children before the tables they point at: dropping a table deletes its rows, and a row
  // pointing at a table already gone fails.
  const left = new Map(results.map(({ name, parents }) => [name, parents?.split(",") ?? []]));
  const order: string[] = [];
  while (left.size > 0) {
    const referenced = new Set([...left.values()].flat());
    const leaves = [...left.keys()].filter((name) => !referenced.has(name));
    if (leaves.length === 0) throw new Error(`tables point at each other: ${[...left.keys()]}`);
    for (const name of leaves) {
      order.push(name);
      left.delete(name);
    }
  }
  if (order.length > 0) await db.batch(order.map((name) => db.prepare(`DROP TABLE "${name}"`)));
}

async function emptyBucket(bucket: R2Bucket) {
  for (;;) {
    const { objects } = await bucket.list();
    if (objects.length === 0) return;
    await bucket.delete(objects.map((object) => object.key));
  }
}

await Promise.all([
  dropAllTables(env.DB),
  dropAllTables(env.MIGRATION_TEST_DB),
  emptyBucket(env.FILES),
]);
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
