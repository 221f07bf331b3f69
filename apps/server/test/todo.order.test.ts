import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signedInClient } from "./fixtures";

afterEach(() => {
  vi.useRealTimers();
});

describe("todo order", () => {
  it("pages through todos that share one creation time, each exactly once, by id", async () => {
    const { client, userId } = await signedInClient();
    // Rows written in one millisecond (or imported) tie on created_at: only the id tells
    // them apart, so the cursor must carry it. Random ids, so id order is not insert order.
    const createdAt = Date.now();
    const ids = Array.from({ length: 30 }, () => crypto.randomUUID());
    await env.DB.batch(
      ids.map((id, i) =>
        env.DB.prepare(
          "INSERT INTO todo (id, text, completed, user_id, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)",
        ).bind(id, `tied ${i}`, userId, createdAt, createdAt),
      ),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await client.todo.list({ limit: 7, cursor });
      seen.push(...result.items.map((todo) => todo.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }

    expect(seen).toHaveLength(30);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("lists todos created one after another newest first, even within one millisecond", async () => {
    const { client } = await signedInClient();
    // Freeze the clock the Worker reads, so every todo gets the same created_at and the
    // order can only come from the ids.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());

    const texts = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
    for (const text of texts) await client.todo.create({ text });

    const { items } = await client.todo.list({});
    expect(new Set(items.map((todo) => todo.createdAt.getTime())).size).toBe(1);
    expect(items.map((todo) => todo.text)).toEqual([...texts].reverse());
  });
});
