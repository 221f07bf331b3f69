import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInUser } from "./fixtures";

let alice: Awaited<ReturnType<typeof signedInUser>>;
let mallory: Awaited<ReturnType<typeof signedInUser>>;
let secretId: string;

const fields = {
  title: "Alice's appointment",
  allDay: false,
  timeZone: "Europe/Paris",
  start: "2031-01-10T15:00",
  end: "2031-01-10T16:00",
};

beforeAll(async () => {
  alice = await signedInUser({ name: "Alice" });
  mallory = await signedInUser({ name: "Mallory" });
  secretId = (await alice.client.event.create(fields)).id;
});

const readEvent = (id: string) =>
  env.DB.prepare("SELECT title, starts_at FROM event WHERE id = ?").bind(id).first();

/** The error of a call, compared on what a client can see. */
const seen = (error: { code: string; status: number; message: string }) => ({
  code: error.code,
  status: error.status,
  message: error.message,
});

describe("another user's event", () => {
  it("never shows up in your agenda, upcoming or past", async () => {
    const from = new Date("2031-01-01T00:00:00Z");
    expect((await mallory.client.event.list({ from })).items).toEqual([]);
    expect(
      (await mallory.client.event.list({ from: new Date("2032-01-01"), when: "past" })).items,
    ).toEqual([]);
    expect((await alice.client.event.list({ from })).items.map((e) => e.id)).toContain(secretId);
  });

  it("cannot be read: NOT_FOUND, exactly as for an id that does not exist", async () => {
    const theirs = await mallory.client.event.get({ id: secretId }).catch((e) => e);
    const missing = await mallory.client.event.get({ id: crypto.randomUUID() }).catch((e) => e);
    expect(theirs).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(seen(theirs)).toEqual(seen(missing));
  });

  it("cannot be changed: NOT_FOUND, and it stays as it was", async () => {
    const before = await readEvent(secretId);
    const change = { ...fields, title: "Cancelled" };
    const theirs = await mallory.client.event.update({ ...change, id: secretId }).catch((e) => e);
    const missing = await mallory.client.event
      .update({ ...change, id: crypto.randomUUID() })
      .catch((e) => e);
    expect(theirs).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(seen(theirs)).toEqual(seen(missing));
    expect(await readEvent(secretId)).toEqual(before);
  });

  it("cannot be deleted: NOT_FOUND, and the row stays", async () => {
    const theirs = await mallory.client.event.delete({ id: secretId }).catch((e) => e);
    const missing = await mallory.client.event.delete({ id: crypto.randomUUID() }).catch((e) => e);
    expect(theirs).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(seen(theirs)).toEqual(seen(missing));
    await expect(alice.client.event.get({ id: secretId })).resolves.toMatchObject({
      title: "Alice's appointment",
    });
  });
});
