import { applyD1Migrations, env } from "cloudflare:test";
import { recordFrontendError } from "@checkmark/api";
import { createDb } from "@checkmark/db";
import { expect, it } from "vitest";

const upToDedupe = env.TEST_MIGRATIONS.filter((migration) => migration.name < "0003_");
const dedupe = env.TEST_MIGRATIONS.filter((migration) => migration.name.startsWith("0003_"));

it("keeps the browser errors stored before deduplication, without query or fragment", async () => {
  const db = env.MIGRATION_TEST_DB;
  expect(dedupe).toHaveLength(1);
  await applyD1Migrations(db, upToDedupe);
  const insert = db.prepare(
    "INSERT INTO frontend_error (id, message, stack, url, user_agent, request_id, created_at) VALUES (?, ?, NULL, ?, 'UA', ?, ?)",
  );
  await db.batch([
    insert.bind(
      "a",
      "Same message",
      "http://localhost:3001/reset-password?token=secret#x",
      "r1",
      1000,
    ),
    insert.bind("b", "Same message", "http://localhost:3001/todos#secret", "r2", 2000),
    insert.bind("c", "Other", "http://localhost:3001/", "r3", 3000),
  ]);

  await applyD1Migrations(db, dedupe);

  const { results } = await db
    .prepare(
      "SELECT id, message, url, request_id, count, created_at, last_seen_at FROM frontend_error ORDER BY id",
    )
    .all();
  expect(results).toEqual([
    {
      id: "a",
      message: "Same message",
      url: "http://localhost:3001/reset-password",
      request_id: "r1",
      count: 1,
      created_at: 1000,
      last_seen_at: 1000,
    },
    {
      id: "b",
      message: "Same message",
      url: "http://localhost:3001/todos",
      request_id: "r2",
      count: 1,
      created_at: 2000,
      last_seen_at: 2000,
    },
    {
      id: "c",
      message: "Other",
      url: "http://localhost:3001/",
      request_id: "r3",
      count: 1,
      created_at: 3000,
      last_seen_at: 3000,
    },
  ]);
  expect(JSON.stringify(results)).not.toContain("secret");

  // New reports deduplicate on the migrated table.
  const report = {
    message: "After",
    stack: null,
    url: "http://localhost:3001/todos",
    userAgent: null,
  };
  await recordFrontendError(createDb(db), { ...report, requestId: "r4" });
  await recordFrontendError(createDb(db), { ...report, requestId: "r5" });
  expect(
    await db.prepare("SELECT count, request_id FROM frontend_error WHERE message = 'After'").all(),
  ).toMatchObject({ results: [{ count: 2, request_id: "r5" }] });
});
