import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { issuePaths, signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
});

const readTodo = (id: string) =>
  env.DB.prepare("SELECT text, due_date FROM todo WHERE id = ?").bind(id).first();

describe("editing a todo in place", () => {
  it("changes its text, sets and clears its due date, and leaves the rest", async () => {
    const todo = await me.client.todo.create({ text: "first draft" });
    expect(todo.dueDate).toBeNull();
    await expect(me.client.todo.update({ id: todo.id, text: "  final  " })).resolves.toMatchObject({
      text: "final",
      dueDate: null,
      completed: false,
    });
    await expect(
      me.client.todo.update({ id: todo.id, dueDate: "2031-12-24" }),
    ).resolves.toMatchObject({ text: "final", dueDate: "2031-12-24" });
    await expect(me.client.todo.update({ id: todo.id, dueDate: null })).resolves.toMatchObject({
      text: "final",
      dueDate: null,
    });
  });

  it("of another user is NOT_FOUND, exactly like a missing one, and changes nothing", async () => {
    const other = await signedInUser();
    const theirs = await other.client.todo.create({ text: "theirs" });
    const a = await me.client.todo.update({ id: theirs.id, text: "mine now" }).catch((e) => e);
    const b = await me.client.todo
      .update({ id: crypto.randomUUID(), text: "mine now" })
      .catch((e) => e);
    expect(a).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect({ code: a.code, message: a.message }).toEqual({ code: b.code, message: b.message });
    expect(await readTodo(theirs.id)).toEqual({ text: "theirs", due_date: null });
  });
});

describe("bad todo input is a typed BAD_REQUEST naming the field, and writes nothing", () => {
  it.each([
    [
      "create: a due date that is not on the calendar",
      "create",
      { text: "x", dueDate: "2031-02-30" },
      "dueDate",
    ],
    [
      "create: a due date with a time",
      "create",
      { text: "x", dueDate: "2031-02-03T10:00" },
      "dueDate",
    ],
    ["update: empty text", "update", { text: "  " }, "text"],
    ["update: text over 500 characters", "update", { text: "x".repeat(501) }, "text"],
    ["update: nothing to change", "update", {}, "text"],
    ["update: a due date in another format", "update", { dueDate: "24.12.2031" }, "dueDate"],
  ] as const)("%s", async (_label, procedure, input, field) => {
    const todo = await me.client.todo.create({ text: "unchanged", dueDate: "2031-01-01" });
    const call =
      procedure === "create"
        ? me.client.todo.create(input as never)
        : me.client.todo.update({ id: todo.id, ...input } as never);
    const error = await call.catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(issuePaths(error)).toContain(field);
    expect(await readTodo(todo.id)).toEqual({ text: "unchanged", due_date: "2031-01-01" });
  });

  it("update: an id that is not a UUID", async () => {
    await expect(me.client.todo.update({ id: "nope", text: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
