import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, randomIp, signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
let other: Awaited<ReturnType<typeof signedInUser>>;

beforeAll(async () => {
  [me, other] = await Promise.all([signedInUser({ name: "Exporter" }), signedInUser()]);
  await me.client.todo.create({ text: "Buy milk, eggs; and bread" });
  await me.client.event.create({
    title: "Dentist, upstairs; room 2",
    description: "Bring the card\nand the letter",
    allDay: false,
    timeZone: "Europe/Berlin",
    start: "2031-06-02T09:00",
    end: "2031-06-02T10:00",
  });
  await me.client.event.create({
    title: "Holiday",
    allDay: true,
    timeZone: "Europe/Berlin",
    start: "2031-07-01",
    end: "2031-07-03",
  });
  await me.client.apiKey.create({ name: "backup script", scope: "read", password: me.password });
  await other.client.todo.create({ text: "someone else's secret" });
  await other.client.event.create({
    title: "Their meeting",
    allDay: false,
    timeZone: "UTC",
    start: "2031-06-02T09:00",
    end: "2031-06-02T10:00",
  });
});

const download = (path: string, cookie?: string) =>
  SELF.fetch(`${ORIGIN}/api/account/${path}`, {
    headers: { "cf-connecting-ip": randomIp(), ...(cookie ? { cookie } : {}) },
  });

describe("the account export", () => {
  it("downloads the user's profile, todos, events, sessions and keys as one JSON file", async () => {
    const response = await download("export.json", me.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="checkmark-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: me.userId, name: "Exporter", email: me.email });
    expect(data.todos).toEqual([expect.objectContaining({ text: "Buy milk, eggs; and bread" })]);
    expect(data.events.map((event: { title: string }) => event.title).sort()).toEqual([
      "Dentist, upstairs; room 2",
      "Holiday",
    ]);
    expect(data.apiKeys).toEqual([expect.objectContaining({ name: "backup script" })]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.attachments).toEqual([]);

    // No secrets, and nothing of anyone else's.
    for (const secret of ["token", "keyHash", "password", "objectKey"]) {
      expect(text).not.toContain(`"${secret}"`);
    }
    expect(text).not.toContain("someone else's secret");
    expect(text).not.toContain("Their meeting");
    expect(text).not.toContain(other.email);
  });

  it("downloads the events as an iCalendar file", async () => {
    const response = await download("export.ics", me.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    expect(response.headers.get("content-disposition")).toMatch(/filename="checkmark-events-/);
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    // 09:00 in Berlin in June is 07:00 UTC; all-day events end on the day after their last.
    expect(text).toContain("DTSTART:20310602T070000Z");
    expect(text).toContain("SUMMARY:Dentist\\, upstairs\\; room 2");
    expect(text).toContain("DESCRIPTION:Bring the card\\nand the letter");
    expect(text).toContain("DTSTART;VALUE=DATE:20310701");
    expect(text).toContain("DTEND;VALUE=DATE:20310704");
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).not.toContain("Their meeting");
    for (const line of text.split("\r\n")) {
      expect(new TextEncoder().encode(line).byteLength).toBeLessThanOrEqual(75);
    }
  });

  it("streams an account larger than one page in full", async () => {
    const big = await signedInUser();
    // Written straight to D1: 450 calls would only test the rate limiter.
    const insert = env.DB.prepare(
      "INSERT INTO todo (id, text, completed, user_id, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)",
    );
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 450 }, (_, i) =>
        insert.bind(crypto.randomUUID(), `todo number ${i}`, big.userId, now, now),
      ),
    );
    const data = await (await download("export.json", big.cookie)).json<{ todos: unknown[] }>();
    expect(data.todos).toHaveLength(450);
  });

  it("needs a session", async () => {
    const response = await download("export.json");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
