import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signedInUser } from "./fixtures";

// The session read, the todo list and its counts are prepared once per isolate and run with each call's
// values (issue 13). What must not change: whose rows a call sees, and that a revoked session
// counts on the very next call.

const sessionToken = (cookie: string) =>
  decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? "").split(".")[0] ?? "";

describe("queries prepared once per isolate", () => {
  it("serve each caller their own session and todos when two users' calls alternate", async () => {
    const alice = await signedInUser({ name: "Alice" });
    const bob = await signedInUser({ name: "Bob" });
    for (const user of [alice, bob]) {
      await user.client.todo.create({ text: `${user.name}'s groceries` });
      await user.client.todo.create({ text: `${user.name}'s chores` });
    }

    for (let turn = 0; turn < 3; turn++) {
      for (const user of [alice, bob]) {
        expect((await user.client.account.me())?.id).toBe(user.userId);
        const first = await user.client.todo.list({ limit: 1 });
        expect(first.items.map((todo) => todo.text)).toEqual([`${user.name}'s chores`]);
        // A next page and a search are shapes of their own: still only the caller's rows.
        const next = await user.client.todo.list({ limit: 1, cursor: first.nextCursor ?? "" });
        expect(next.items.map((todo) => todo.text)).toEqual([`${user.name}'s groceries`]);
        const found = await user.client.todo.list({ q: "GROCERIES" });
        expect(found.items.map((todo) => todo.text)).toEqual([`${user.name}'s groceries`]);
        await expect(user.client.todo.counts({})).resolves.toEqual({
          all: 2,
          active: 2,
          completed: 0,
        });
        await expect(user.client.todo.counts({ q: "chores" })).resolves.toMatchObject({ all: 1 });
      }
    }
  });

  it("count a revoked session on the very next call", async () => {
    const { cookie, client } = await signedInUser();
    await client.todo.create({ text: "before" });
    await expect(client.todo.list({})).resolves.toMatchObject({ items: [{ text: "before" }] });

    // Revoked the way a device is signed out elsewhere: the row is gone.
    await env.DB.prepare("DELETE FROM session WHERE token = ?").bind(sessionToken(cookie)).run();

    await expect(client.todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(client.account.me()).resolves.toBeNull();
  });
});
