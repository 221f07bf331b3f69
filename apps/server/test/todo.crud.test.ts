import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signedInClient } from "./fixtures";

const countTodos = (userId: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM todo WHERE user_id = ?")
    .bind(userId)
    .first<number>("n");

describe("todos", () => {
  it("are created, listed newest first, toggled, deleted and restored", async () => {
    const { client } = await signedInClient();
    const first = await client.todo.create({ text: "  first  " });
    const second = await client.todo.create({ text: "second" });
    expect(first).toMatchObject({ text: "first", completed: false });
    expect(first.createdAt).toBeInstanceOf(Date);

    let page = await client.todo.list({});
    expect(page.items.map((todo) => todo.text)).toEqual(["second", "first"]);
    expect(page.nextCursor).toBeNull();

    await expect(client.todo.toggle({ id: first.id, completed: true })).resolves.toMatchObject({
      id: first.id,
      completed: true,
    });
    const deleted = await client.todo.delete({ id: second.id });
    expect(deleted).toEqual({ id: second.id, deletedAt: expect.any(Date) });

    page = await client.todo.list({});
    expect(page.items).toEqual([expect.objectContaining({ id: first.id, completed: true })]);

    // The delete's handle undoes it, as the toast's Undo does.
    await expect(client.todo.restore({ deletedAt: deleted.deletedAt })).resolves.toEqual({
      count: 1,
    });
    page = await client.todo.list({});
    expect(page.items.map((todo) => todo.text)).toEqual(["second", "first"]);
  });

  it("refuses empty or whitespace text and writes nothing", async () => {
    const { client, userId } = await signedInClient();
    for (const text of ["", "    "]) {
      await expect(client.todo.create({ text })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        status: 400,
      });
    }
    expect(await countTodos(userId)).toBe(0);
  });

  it("refuses text over 500 characters and accepts exactly 500", async () => {
    const { client, userId } = await signedInClient();
    await expect(client.todo.create({ text: "x".repeat(501) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await client.todo.create({ text: "x".repeat(500) });
    expect(await countTodos(userId)).toBe(1);
  });

  it("pages through with a cursor until there is no next page", async () => {
    const { client } = await signedInClient();
    for (const text of ["one", "two", "three"]) await client.todo.create({ text });

    const first = await client.todo.list({ limit: 2 });
    expect(first.items.map((todo) => todo.text)).toEqual(["three", "two"]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await client.todo.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((todo) => todo.text)).toEqual(["one"]);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects a cursor it did not hand out", async () => {
    const { client } = await signedInClient();
    await expect(client.todo.list({ cursor: "'; DROP TABLE todo; --" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      status: 400,
    });
  });

  it("caps a page at 100", async () => {
    const { client } = await signedInClient();
    await expect(client.todo.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
