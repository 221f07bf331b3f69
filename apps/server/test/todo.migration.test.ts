import { applyD1Migrations, env } from "cloudflare:test";
import { expect, it } from "vitest";

const before = env.TEST_MIGRATIONS.filter((migration) => migration.name < "0004_");
const events = env.TEST_MIGRATIONS.filter((migration) => migration.name.startsWith("0004_"));

it("keeps every todo stored before due dates, soft delete and events", async () => {
  const db = env.MIGRATION_TEST_DB;
  expect(events).toHaveLength(1);
  await applyD1Migrations(db, before);
  await db
    .prepare(
      "INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES ('u', 'U', 'u@example.com', 1, 1, 1)",
    )
    .run();
  const insert = db.prepare(
    "INSERT INTO todo (id, text, completed, user_id, created_at, updated_at) VALUES (?, ?, ?, 'u', ?, ?)",
  );
  await db.batch([
    insert.bind("a", "first", 0, 1000, 1000),
    insert.bind("b", "second", 1, 2000, 2000),
  ]);

  await applyD1Migrations(db, events);

  const { results } = await db
    .prepare(
      "SELECT id, text, completed, user_id, created_at, due_date, deleted_at FROM todo ORDER BY id",
    )
    .all();
  expect(results).toEqual([
    {
      id: "a",
      text: "first",
      completed: 0,
      user_id: "u",
      created_at: 1000,
      due_date: null,
      deleted_at: null,
    },
    {
      id: "b",
      text: "second",
      completed: 1,
      user_id: "u",
      created_at: 2000,
      due_date: null,
      deleted_at: null,
    },
  ]);
  // The rebuilt list index holds them (live rows only).
  const plan = await db
    .prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM todo WHERE user_id = 'u' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC",
    )
    .all<{ detail: string }>();
  expect(plan.results.map((row) => row.detail).join("\n")).toContain("todo_user_created_idx");
});
