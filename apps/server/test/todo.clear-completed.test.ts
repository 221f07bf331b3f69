import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
let other: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
  other = await signedInUser();
});

const texts = (items: { text: string }[]) => items.map((todo) => todo.text).sort();

describe("clear completed", () => {
  it("removes only completed todos, and undo brings them back as they were", async () => {
    const done1 = await me.client.todo.create({ text: "done one", dueDate: "2031-03-01" });
    const done2 = await me.client.todo.create({ text: "done two" });
    await me.client.todo.create({ text: "still to do" });
    await me.client.todo.toggle({ id: done1.id, completed: true });
    await me.client.todo.toggle({ id: done2.id, completed: true });
    const theirs = await other.client.todo.create({ text: "someone else's, done" });
    await other.client.todo.toggle({ id: theirs.id, completed: true });

    const cleared = await me.client.todo.clearCompleted();
    expect(cleared.count).toBe(2);
    expect(texts((await me.client.todo.list({})).items)).toEqual(["still to do"]);
    await expect(me.client.todo.counts({})).resolves.toEqual({ all: 1, active: 1, completed: 0 });
    // A cleared todo behaves like a missing one until it is restored.
    await expect(me.client.todo.toggle({ id: done1.id, completed: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another user's completed todos are untouched.
    expect(texts((await other.client.todo.list({})).items)).toEqual(["someone else's, done"]);

    // Another user holding the handle restores nothing of mine.
    await expect(other.client.todo.restore({ deletedAt: cleared.deletedAt })).resolves.toEqual({
      count: 0,
    });
    await expect(me.client.todo.restore({ deletedAt: cleared.deletedAt })).resolves.toEqual({
      count: 2,
    });
    const { items } = await me.client.todo.list({ status: "completed" });
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: done1.id, completed: true, dueDate: "2031-03-01" }),
        expect.objectContaining({ id: done2.id, completed: true, dueDate: null }),
      ]),
    );
    await expect(me.client.todo.counts({})).resolves.toEqual({ all: 3, active: 1, completed: 2 });
  });

  it("with nothing completed clears nothing", async () => {
    const fresh = await signedInUser();
    await fresh.client.todo.create({ text: "open" });
    await expect(fresh.client.todo.clearCompleted()).resolves.toMatchObject({ count: 0 });
    expect((await fresh.client.todo.list({})).items).toHaveLength(1);
  });

  it("keeps the cleared rows until housekeeping purges them", async () => {
    const todo = await me.client.todo.create({ text: "to be cleared" });
    await me.client.todo.toggle({ id: todo.id, completed: true });
    await me.client.todo.clearCompleted();
    const row = await env.DB.prepare("SELECT deleted_at FROM todo WHERE id = ?")
      .bind(todo.id)
      .first<{ deleted_at: number }>();
    expect(row?.deleted_at).toEqual(expect.any(Number));
  });

  it("restore refuses a handle that is not a date", async () => {
    await expect(
      me.client.todo.restore({ deletedAt: "yesterday" as unknown as Date }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", status: 400 });
  });
});
