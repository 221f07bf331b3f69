import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ORIGIN, randomIp, signedInClient, signedInUser } from "./fixtures";

// Two tabs, or a tab and a script with a key, editing one todo or event: an edit made from a
// copy read before the other change is refused (CONFLICT) when it says which copy it read
// (`updatedAt`), so the newer change is not silently overwritten. Without it, the edit applies.

let me: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
});

const laterThan = async (before: Date) => {
  // updatedAt has millisecond resolution: make sure the next write lands on a later one.
  await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(before.getTime()));
};

const readText = (id: string) =>
  env.DB.prepare("SELECT text FROM todo WHERE id = ?").bind(id).first<{ text: string }>();

const event = {
  title: "Dentist",
  allDay: false,
  timeZone: "Europe/Berlin",
  start: "2031-03-04T09:00",
  end: "2031-03-04T10:00",
};

describe("a todo edited from a stale copy", () => {
  it("is refused with CONFLICT, keeps the newer text, and says when it changed", async () => {
    const opened = await me.client.todo.create({ text: "buy milk" });
    expect(opened.updatedAt).toBeInstanceOf(Date);
    await laterThan(opened.updatedAt);
    const newer = await me.client.todo.update({ id: opened.id, text: "buy oat milk" });

    const stale = await me.client.todo
      .update({ id: opened.id, text: "buy cow milk", updatedAt: opened.updatedAt })
      .catch((error) => error);
    expect(stale).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(stale.message).toMatch(/changed somewhere else since you opened it/);
    expect(new Date(stale.data.updatedAt).getTime()).toBe(newer.updatedAt.getTime());
    expect(await readText(opened.id)).toEqual({ text: "buy oat milk" });

    // Sent with the copy it now knows, the same edit goes through.
    await expect(
      me.client.todo.update({ id: opened.id, text: "buy cow milk", updatedAt: newer.updatedAt }),
    ).resolves.toMatchObject({ text: "buy cow milk" });
  });

  it("without updatedAt still applies, as before (REST scripts need not send it)", async () => {
    const todo = await me.client.todo.create({ text: "water plants" });
    await laterThan(todo.updatedAt);
    await me.client.todo.toggle({ id: todo.id, completed: true });
    await expect(
      me.client.todo.update({ id: todo.id, text: "water ferns" }),
    ).resolves.toMatchObject({ text: "water ferns", completed: true });
  });

  it("that is missing or someone else's is NOT_FOUND, not CONFLICT", async () => {
    const other = await signedInUser();
    const theirs = await other.client.todo.create({ text: "theirs" });
    const error = await me.client.todo
      .update({ id: theirs.id, text: "mine", updatedAt: new Date(0) })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(await readText(theirs.id)).toEqual({ text: "theirs" });
  });

  it("over REST: PATCH with an old updatedAt answers 409 problem details", async () => {
    const { client, user } = await signedInClient();
    const { key } = await client.apiKey.create({
      name: "script",
      scope: "read-write",
      password: user.password,
    });
    const todo = await client.todo.create({ text: "call the bank" });
    await laterThan(todo.updatedAt);
    await client.todo.update({ id: todo.id, text: "call the bank at 9" });
    const response = await SELF.fetch(`${ORIGIN}/api/v1/todos/${todo.id}`, {
      method: "PATCH",
      headers: {
        "cf-connecting-ip": randomIp(),
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ text: "call mum", updatedAt: todo.updatedAt.toISOString() }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "CONFLICT" });
    expect(await readText(todo.id)).toEqual({ text: "call the bank at 9" });

    // `null` (an unset field, as some clients send it) is bad input, not a 1970 copy.
    const unset = await SELF.fetch(`${ORIGIN}/api/v1/todos/${todo.id}`, {
      method: "PATCH",
      headers: {
        "cf-connecting-ip": randomIp(),
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ text: "call mum", updatedAt: null }),
    });
    expect(unset.status).toBe(400);
    expect(await unset.json()).toMatchObject({
      code: "BAD_REQUEST",
      errors: [expect.objectContaining({ pointer: "/updatedAt" })],
    });
    expect(await readText(todo.id)).toEqual({ text: "call the bank at 9" });
  });
});

describe("an event edited from a stale copy", () => {
  it("is refused with CONFLICT and keeps the newer version", async () => {
    const opened = await me.client.event.create(event);
    await laterThan(opened.updatedAt);
    const newer = await me.client.event.update({ ...event, id: opened.id, title: "Dentist 9:30" });

    const stale = await me.client.event
      .update({ ...event, id: opened.id, title: "Dentist (moved)", updatedAt: opened.updatedAt })
      .catch((error) => error);
    expect(stale).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(new Date(stale.data.updatedAt).getTime()).toBe(newer.updatedAt.getTime());
    await expect(me.client.event.get({ id: opened.id })).resolves.toMatchObject({
      title: "Dentist 9:30",
    });

    await expect(
      me.client.event.update({
        ...event,
        id: opened.id,
        title: "Dentist (moved)",
        updatedAt: newer.updatedAt,
      }),
    ).resolves.toMatchObject({ title: "Dentist (moved)" });
  });

  it("without updatedAt still replaces it", async () => {
    const opened = await me.client.event.create(event);
    await expect(
      me.client.event.update({ ...event, id: opened.id, title: "Optician" }),
    ).resolves.toMatchObject({ title: "Optician" });
  });
});
