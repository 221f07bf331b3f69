import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;

interface Seeded {
  id: string;
  text: string;
  completed: boolean;
  dueDate: string | null;
  createdAt: number;
}

// 40 todos: 30 share one createdAt (only ids tell them apart), 10 come an hour apart; every
// third is completed; due dates repeat so the "due" order has ties too; a few mention "milk".
const TIED_AT = Date.UTC(2031, 0, 1);
const seeded: Seeded[] = Array.from({ length: 40 }, (_, i) => ({
  id: crypto.randomUUID(),
  text: i % 5 === 0 ? `Buy MILK #${i}` : `Task #${i}`,
  completed: i % 3 === 0,
  dueDate: i % 4 === 0 ? null : `2031-02-0${(i % 3) + 1}`,
  createdAt: i < 30 ? TIED_AT : TIED_AT + (i - 29) * 3_600_000,
}));

beforeAll(async () => {
  me = await signedInUser();
  await env.DB.batch(
    seeded.map((todo) =>
      env.DB.prepare(
        "INSERT INTO todo (id, text, completed, due_date, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).bind(
        todo.id,
        todo.text,
        todo.completed ? 1 : 0,
        todo.dueDate,
        me.userId,
        todo.createdAt,
        todo.createdAt,
      ),
    ),
  );
});

type Status = "all" | "active" | "completed";
type Sort = "newest" | "oldest" | "due";
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the API promises, computed here from the seed. */
function expected(status: Status, sort: Sort, q?: string) {
  const rows = seeded.filter(
    (t) =>
      (status === "all" || t.completed === (status === "completed")) &&
      (!q || t.text.toLowerCase().includes(q.toLowerCase())),
  );
  const sorted = rows.sort((a, b) => {
    if (sort === "due") {
      return cmp(a.dueDate ?? "9999-12-31", b.dueDate ?? "9999-12-31") || cmp(a.id, b.id);
    }
    const byCreation = cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
    return sort === "oldest" ? byCreation : -byCreation;
  });
  return sorted.map((t) => t.id);
}

async function everyPage(input: { status: Status; sort: Sort; q?: string }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await me.client.todo.list({ ...input, limit: 7, cursor });
    ids.push(...result.items.map((todo) => todo.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("the pages never ended");
}

describe("the todo list", () => {
  const combinations = (["all", "active", "completed"] as const).flatMap((status) =>
    (["newest", "oldest", "due"] as const).map((sort) => [status, sort] as const),
  );

  it.each(combinations)(
    "status %s, sorted %s: pages of 7 hold every match exactly once, in order",
    async (status, sort) => {
      const ids = await everyPage({ status, sort });
      expect(ids.length).toBeGreaterThan(7);
      expect(ids).toEqual(expected(status, sort));
    },
  );

  it("searches text case-insensitively, with every status and sort", async () => {
    for (const [status, sort] of combinations) {
      const ids = await everyPage({ status, sort, q: "milk" });
      expect(ids).toEqual(expected(status, sort, "milk"));
    }
    expect((await me.client.todo.list({ q: "100% _not_ there" })).items).toEqual([]);
  });

  it("puts undated todos last when sorted by due date", async () => {
    const { items } = await me.client.todo.list({ sort: "due", limit: 100 });
    const firstUndated = items.findIndex((todo) => todo.dueDate === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(items.slice(firstUndated).every((todo) => todo.dueDate === null)).toBe(true);
  });

  it("counts per status come from the server, and follow the search", async () => {
    const count = (q?: string) => ({
      all: expected("all", "newest", q).length,
      active: expected("active", "newest", q).length,
      completed: expected("completed", "newest", q).length,
    });
    await expect(me.client.todo.counts({})).resolves.toEqual(count());
    await expect(me.client.todo.counts({ q: "milk" })).resolves.toEqual(count("milk"));
  });

  it("refuses a cursor from another sort, and bad search params, as typed BAD_REQUEST", async () => {
    const { nextCursor } = await me.client.todo.list({ sort: "due", limit: 3 });
    const bad: Record<string, unknown>[] = [
      { sort: "newest", cursor: nextCursor },
      { status: "done" },
      { sort: "alphabetical" },
      { q: "x".repeat(101) },
      { limit: 0 },
    ];
    for (const input of bad) {
      await expect(me.client.todo.list(input as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        status: 400,
      });
    }
  });
});
