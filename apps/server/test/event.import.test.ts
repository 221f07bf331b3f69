import { env, SELF } from "cloudflare:test";
import { EventFileError, readEventFile } from "@checkmark/api/event-file";
import type { EventImportProgress } from "@checkmark/api/schemas";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { csvFile, icsFile } from "./event-files";
import { ORIGIN, randomIp, signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
});
afterEach(() => vi.restoreAllMocks());

const ZONE = "Europe/Berlin";
const NOW = new Date("2031-01-01T00:00:00Z");

const countEvents = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM event WHERE user_id = ?")
    .bind(me.userId)
    .first<number>("n")) ?? 0;
const clearEvents = () =>
  env.DB.prepare("DELETE FROM event WHERE user_id = ?").bind(me.userId).run();

/** Reads a file as the browser would, then streams event.import; every progress event, in order. */
async function importFile(text: string, format: "ics" | "csv") {
  const file = await readEventFile(text, { format, timeZone: ZONE, now: NOW });
  const progress: EventImportProgress[] = [];
  for await (const step of await me.client.event.import({ rows: file.rows })) progress.push(step);
  return { file, progress, last: progress.at(-1) };
}

function expectInOrder(progress: EventImportProgress[], total: number) {
  expect(progress[0]).toMatchObject({ done: 0, total });
  const done = progress.map((step) => step.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(new Set(done).size).toBe(done.length);
  expect(progress.at(-1)?.done).toBe(total);
  expect(progress.every((step) => step.total === total)).toBe(true);
}

describe("importing an iCalendar file", () => {
  const file = icsFile([
    {
      uid: "one@test",
      summary: "Dentist",
      start: "20310110T083000",
      end: "20310110T090000",
      tzid: ZONE,
    },
    { uid: "two@test", summary: "Flight", start: "20310111T060000Z", end: "20310111T080000Z" },
    { uid: "three@test", summary: "Holiday", start: "20310112", end: "20310115" },
    // Weekly at 09:00 Berlin across the spring change (2031-03-30): 8 occurrences.
    {
      uid: "weekly@test",
      summary: "Stand-up",
      start: "20310317T090000",
      end: "20310317T091500",
      tzid: ZONE,
      rrule: "FREQ=WEEKLY;COUNT=8",
    },
    {
      uid: "backwards@test",
      summary: "Backwards",
      start: "20310120T100000",
      end: "20310120T090000",
      tzid: ZONE,
    },
    { uid: "no-start@test", summary: "No start", start: "", extra: [] },
  ]);

  it("streams progress in order, writes every good event and reports each bad one with its reason", async () => {
    await clearEvents();
    const {
      file: read,
      progress,
      last,
    } = await importFile(file.replace("DTSTART:\r\n", ""), "ics");
    // 3 single events, 8 occurrences, 1 bad; the event without DTSTART never became a row.
    expect(read.rows).toHaveLength(12);
    expect(read.failed).toEqual([
      { row: 6, title: "No start", reason: expect.stringMatching(/start/i) },
    ]);
    expectInOrder(progress, 12);
    expect(last).toMatchObject({ imported: 11, skipped: 0 });
    expect(progress.flatMap((step) => step.failed)).toEqual([
      { row: 5, title: "Backwards", reason: "End: The end is before the start." },
    ]);
    expect(await countEvents()).toBe(11);

    const { items } = await me.client.event.list({ from: NOW, limit: 100 });
    expect(items.find((e) => e.title === "Dentist")).toMatchObject({
      timeZone: ZONE,
      start: "2031-01-10T08:30",
    });
    expect(items.find((e) => e.title === "Flight")?.startsAt.toISOString()).toBe(
      "2031-01-11T06:00:00.000Z",
    );
    expect(items.find((e) => e.title === "Holiday")).toMatchObject({
      allDay: true,
      start: "2031-01-12",
      end: "2031-01-14",
    });
    // Every occurrence at 09:00 Berlin: 08:00 UTC before the change, 07:00 UTC after.
    const standUps = items.filter((e) => e.title === "Stand-up");
    expect(standUps.map((e) => e.start.slice(11))).toEqual(Array(8).fill("09:00"));
    expect(standUps.map((e) => e.startsAt.getUTCHours())).toEqual([8, 8, 7, 7, 7, 7, 7, 7]);
  });

  it("imported again, writes nothing new: every event is skipped, none duplicated", async () => {
    const text = file.replace("DTSTART:\r\n", "");
    const before = await countEvents();
    const { last } = await importFile(text, "ics");
    expect(last).toMatchObject({ done: 12, imported: 0, skipped: 11 });
    expect(await countEvents()).toBe(before);
  });

  it("a malformed file is refused as a whole, before anything is sent", async () => {
    const before = await countEvents();
    for (const text of ["BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n", "just some words"]) {
      await expect(readEventFile(text, { format: "ics", timeZone: ZONE })).rejects.toMatchObject({
        code: "MALFORMED",
      });
    }
    expect(await countEvents()).toBe(before);
  });
});

describe("importing a CSV file", () => {
  it("reports the rows that fail by their line, writes the rest, and a re-import adds nothing", async () => {
    await clearEvents();
    const text = [
      "Title;Start;End;Location;Description",
      "Lunch;2031-02-01 12:00;2031-02-01 13:00;Cafe;",
      "Bad date;01/02/2031 12:00;;;",
      ";2031-02-02 12:00;;;",
      "Day off;2031-02-03;;;",
    ].join("\n");
    const first = await importFile(text, "csv");
    expect(first.progress.flatMap((step) => step.failed)).toEqual([
      { row: 3, title: "Bad date", reason: "Start: Use a date and time like 2026-03-28T09:00." },
      { row: 4, title: null, reason: "Title: Give the event a title." },
    ]);
    expect(first.last).toMatchObject({ done: 4, total: 4, imported: 2 });

    const again = await importFile(text, "csv");
    expect(again.last).toMatchObject({ imported: 0, skipped: 2 });
    expect(await countEvents()).toBe(2);
  });

  it("without a header naming title and start is refused as malformed", async () => {
    await expect(
      readEventFile("Lunch,2031-02-01 12:00\n", { format: "csv", timeZone: ZONE }),
    ).rejects.toBeInstanceOf(EventFileError);
  });

  it("5,000 events import in batches, with progress after each", async () => {
    await clearEvents();
    const { progress, last } = await importFile(csvFile(5000), "csv");
    expectInOrder(progress, 5000);
    // The first event and one per batch of 250.
    expect(progress).toHaveLength(1 + 5000 / 250);
    expect(last).toMatchObject({ imported: 5000, skipped: 0 });
    expect(await countEvents()).toBe(5000);
  });
});

describe("limits", () => {
  it("a file over 5 MB is refused before it is read or sent", async () => {
    const before = await countEvents();
    const big = csvFile(1).padEnd(5 * 1024 * 1024 + 1, " ");
    const error = await readEventFile(new Blob([big]), { format: "csv", timeZone: ZONE }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(EventFileError);
    expect(error).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect(await countEvents()).toBe(before);
  });

  it("the server refuses more than 10,000 rows with a typed BAD_REQUEST, writing nothing", async () => {
    const before = await countEvents();
    const row = { row: 1, title: "x", start: "2031-01-01", timeZone: ZONE };
    await expect(me.client.event.import({ rows: Array(10_001).fill(row) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      status: 400,
    });
    expect(await countEvents()).toBe(before);
  });

  it("the server refuses a body over the import route's 12 MB, writing nothing", async () => {
    const before = await countEvents();
    const response = await SELF.fetch(`${ORIGIN}/rpc/event/import`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: me.cookie,
        "cf-connecting-ip": randomIp(),
      },
      body: JSON.stringify({ json: { rows: [{ row: 1, title: "x".repeat(13 * 1024 * 1024) }] } }),
    });
    expect(response.status).toBe(413);
    expect(await countEvents()).toBe(before);
  });

  it("a malformed row list is a typed BAD_REQUEST naming the field, writing nothing", async () => {
    const before = await countEvents();
    const error = await me.client.event
      .import({ rows: [{ row: 1, title: 42, start: "2031-01-01" }] } as never)
      .catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(await countEvents()).toBe(before);
  });
});

describe("a client that goes away mid-import", () => {
  it("stops the import between batches: whole batches written, and a re-import completes it", async () => {
    await clearEvents();
    const logs = vi.spyOn(console, "log");
    const { rows } = await readEventFile(csvFile(5000), { format: "csv", timeZone: ZONE });
    const controller = new AbortController();
    const stream = await me.client.event.import({ rows }, { signal: controller.signal });
    let seen = 0;
    await expect(
      (async () => {
        for await (const step of stream) {
          seen = step.done;
          if (step.done > 0) controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen).toBeGreaterThan(0);

    // The import logs how it ended once its generator has finished.
    const ended = await vi.waitFor(
      () => {
        const line = logs.mock.calls
          .map((args) => String(args[0]))
          .filter((text) => text.includes('"event-import"'))
          .map((text) => JSON.parse(text) as { outcome: string; imported: number })
          .at(-1);
        if (!line) throw new Error("the import has not ended yet");
        return line;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(ended.outcome).toBe("aborted");
    // The write in flight at the abort may land (after the last reported one), but only whole.
    const written = await countEvents();
    expect(written).toBeGreaterThanOrEqual(ended.imported);
    expect(written).toBeLessThan(5000);
    expect(written % 250).toBe(0);

    const { last } = await importFile(csvFile(5000), "csv");
    expect(last).toMatchObject({ imported: 5000 - written, skipped: written });
    expect(await countEvents()).toBe(5000);
  });
});
