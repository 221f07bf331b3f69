import { env } from "cloudflare:test";
import { rowLimits } from "@checkmark/api";
import { isDefinedError, safe } from "@checkmark/api/client";
import type { EventImportRow } from "@checkmark/api/schemas";
import { afterEach, describe, expect, it } from "vitest";
import { signedInClient } from "./fixtures";

// The caps are 50,000 rows; each test lowers one for itself (the worker reads the same object)
// rather than writing 50,000 rows.
const defaults = { ...rowLimits };
afterEach(() => Object.assign(rowLimits, defaults));

/** Runs `calls` at once; the errors of those refused. */
async function refusedOf(calls: Promise<unknown>[]) {
  const results = await Promise.all(calls.map((call) => safe(call)));
  return results.flatMap(([error]) => (error ? [error] : []));
}

function expectLimitReached(error: unknown, limit: number, message: string) {
  expect(isDefinedError(error) ? (error as { code: string }).code : error).toBe("LIMIT_REACHED");
  expect(error).toMatchObject({ status: 409, data: { limit } });
  expect((error as Error).message).toContain(message);
}

const countRows = async (table: "todo" | "event", userId: string) =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<number>("n")) ?? 0;

const eventInput = (title: string) => ({
  title,
  allDay: false,
  timeZone: "Europe/Berlin",
  start: "2031-01-10T08:30",
  end: "2031-01-10T09:00",
});

const importRows = (count: number, label: string): EventImportRow[] =>
  Array.from({ length: count }, (_, i) => ({
    row: i + 1,
    title: `${label} ${i}`,
    start: `2031-02-${String((i % 28) + 1).padStart(2, "0")}T09:00`,
    timeZone: "Europe/Berlin",
  }));

describe("how many rows one account may hold", () => {
  it("todos: past the cap a create is refused, also when many race; cleared ones free room", async () => {
    rowLimits.todos = 5;
    const { client, userId } = await signedInClient();
    const refused = await refusedOf(
      Array.from({ length: 7 }, (_, i) => client.todo.create({ text: `todo ${i}` })),
    );
    expect(refused).toHaveLength(2);
    for (const error of refused) expectLimitReached(error, 5, "You have 5 todos");
    expect(await countRows("todo", userId)).toBe(5);

    // Clearing a done todo frees its place (cleared todos wait for the purge, uncounted).
    const { items } = await client.todo.list({});
    const done = items[0];
    if (!done) throw new Error("no todos listed");
    await client.todo.toggle({ id: done.id, completed: true });
    const { deletedAt } = await client.todo.clearCompleted();
    const added = await client.todo.create({ text: "after clearing" });
    expect(added).toMatchObject({ text: "after clearing" });

    // Undo may not bring the cleared one back past the cap: refused, and it stays cleared.
    const [overCap] = await refusedOf([client.todo.restore({ deletedAt })]);
    expectLimitReached(overCap, 5, "You have 5 todos");
    expect((await client.todo.counts({})).all).toBe(5);
    // With room made again, the same undo brings it back.
    await client.todo.delete({ id: added.id });
    await expect(client.todo.restore({ deletedAt })).resolves.toEqual({ count: 1 });
    expect((await client.todo.counts({})).all).toBe(5);
  });

  it("events: past the cap a create is refused, also when many race", async () => {
    rowLimits.events = 3;
    const { client, userId } = await signedInClient();
    const refused = await refusedOf(
      Array.from({ length: 5 }, (_, i) => client.event.create(eventInput(`event ${i}`))),
    );
    expect(refused).toHaveLength(2);
    for (const error of refused) expectLimitReached(error, 3, "You have 3 events");
    expect(await countRows("event", userId)).toBe(3);
  });

  it("an import that would pass the cap is refused whole and writes nothing; one that fits is written", async () => {
    rowLimits.events = 300;
    const { client, userId } = await signedInClient();
    await client.event.create(eventInput("already there"));

    // 300 rows make two batches: neither is written.
    const [error] = await safe(
      (async () => {
        for await (const _ of await client.event.import({ rows: importRows(300, "big") })) {
          // Progress would arrive here; the refusal comes before any.
        }
      })(),
    );
    expectLimitReached(error, 300, "This file would take you past 300 events");
    expect(await countRows("event", userId)).toBe(1);

    const steps = [];
    for await (const step of await client.event.import({ rows: importRows(299, "fits") })) {
      steps.push(step);
    }
    expect(steps.at(-1)).toMatchObject({ done: 299, imported: 299 });
    expect(await countRows("event", userId)).toBe(300);
  });

  it("an import whose room fills while it runs is refused, and takes out the batches it wrote", async () => {
    rowLimits.events = 2000;
    const { client, userId } = await signedInClient();
    const progress = await client.event.import({ rows: importRows(2000, "racing") });
    const [error] = await safe(
      (async () => {
        for await (const step of progress) {
          // Once it has started, the room shrinks (as if other writes had filled it): a later
          // batch no longer fits, whichever batch the server has reached by now.
          if (step.done === 0) rowLimits.events = 1000;
        }
      })(),
    );
    expectLimitReached(error, 1000, "This file would take you past 1,000 events");
    expect(await countRows("event", userId)).toBe(0);
  });
});
