import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
const HOUR = 3_600_000;
const from = new Date("2031-05-01T12:00:00Z");
/** 30 events at one start (ids decide their order) plus one an hour before and after each side. */
const tied = Array.from({ length: 30 }, () => crypto.randomUUID());
const byId = (a: string, b: string) => (a < b ? -1 : 1);

function insertEvent(id: string, startsAt: number, title: string) {
  return env.DB.prepare(
    "INSERT INTO event (id, user_id, title, starts_at, ends_at, all_day, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 'UTC', ?, ?)",
  ).bind(id, me.userId, title, startsAt, startsAt + HOUR, startsAt, startsAt);
}

const early = crypto.randomUUID();
const late = crypto.randomUUID();
const pastTied = Array.from({ length: 12 }, () => crypto.randomUUID());

beforeAll(async () => {
  me = await signedInUser();
  const t = from.getTime();
  await env.DB.batch([
    ...tied.map((id, i) => insertEvent(id, t + 2 * HOUR, `tied ${i}`)),
    insertEvent(early, t, "exactly at from"),
    insertEvent(late, t + 5 * HOUR, "latest"),
    ...pastTied.map((id, i) => insertEvent(id, t - 3 * HOUR, `past ${i}`)),
  ]);
});

async function everyPage(when: "upcoming" | "past", limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await me.client.event.list({ from, when, limit, cursor });
    ids.push(...result.items.map((event) => event.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("the pages never ended");
}

describe("the agenda", () => {
  it("lists upcoming events from `from` by start, soonest first, each exactly once over pages", async () => {
    expect(await everyPage("upcoming", 7)).toEqual([early, ...[...tied].sort(byId), late]);
  });

  it("lists past events latest first, on request", async () => {
    expect(await everyPage("past", 5)).toEqual([...pastTied].sort(byId).reverse());
  });

  it("gives each event's wall-clock start and end in its zone", async () => {
    const [first] = (await me.client.event.list({ from, limit: 1 })).items;
    expect(first).toMatchObject({ id: early, start: "2031-05-01T12:00", end: "2031-05-01T13:00" });
  });

  it("refuses a cursor from the other direction, or one it never handed out", async () => {
    const { nextCursor } = await me.client.event.list({ from, limit: 2 });
    for (const cursor of [nextCursor ?? "", "bm90IGEgY3Vyc29y", "' OR 1=1 --"]) {
      await expect(me.client.event.list({ from, when: "past", cursor })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        status: 400,
      });
    }
  });

  it("refuses a page over 100, and a `from` that is not a date", async () => {
    await expect(me.client.event.list({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      me.client.event.list({ from: "tomorrow" as unknown as Date }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
