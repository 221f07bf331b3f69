import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { rpc, signUp } from "./fixtures";

const readTodo = (id: string) =>
  env.DB.prepare("SELECT text, completed FROM todo WHERE id = ?").bind(id).first();

async function twoUsers() {
  const alice = rpc((await signUp({ name: "Alice" })).cookie);
  const mallory = rpc((await signUp({ name: "Mallory" })).cookie);
  const secret = await alice.todo.create({ text: "Alice's secret" });
  return { alice, mallory, secret };
}

describe("another user's todo", () => {
  it("never shows up in your list", async () => {
    const { mallory } = await twoUsers();
    const page = await mallory.todo.list({});
    expect(page.items).toEqual([]);
  });

  it("cannot be toggled: NOT_FOUND, exactly as for an id that does not exist", async () => {
    const { mallory, secret } = await twoUsers();
    const theirs = await mallory.todo.toggle({ id: secret.id, completed: true }).catch((e) => e);
    const missing = await mallory.todo
      .toggle({ id: crypto.randomUUID(), completed: true })
      .catch((e) => e);
    expect(theirs).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect({ code: theirs.code, status: theirs.status, message: theirs.message }).toEqual({
      code: missing.code,
      status: missing.status,
      message: missing.message,
    });
    expect(await readTodo(secret.id)).toEqual({ text: "Alice's secret", completed: 0 });
  });

  it("cannot be deleted: NOT_FOUND, and the row stays", async () => {
    const { alice, mallory, secret } = await twoUsers();
    await expect(mallory.todo.delete({ id: secret.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
    expect(await readTodo(secret.id)).not.toBeNull();
    expect((await alice.todo.list({})).items).toHaveLength(1);
  });
});
