import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { issuePaths, signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
});

const countEvents = () =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM event WHERE user_id = ?")
    .bind(me.userId)
    .first<number>("n");

const meeting = {
  title: "  Planning  ",
  description: "Quarterly",
  location: "Room 4",
  allDay: false,
  timeZone: "Europe/Berlin",
  start: "2031-06-02T09:00",
  end: "2031-06-02T10:30",
};

describe("events", () => {
  it("are created, read, replaced and deleted", async () => {
    const created = await me.client.event.create(meeting);
    expect(created).toMatchObject({
      title: "Planning",
      description: "Quarterly",
      location: "Room 4",
      allDay: false,
      timeZone: "Europe/Berlin",
      start: "2031-06-02T09:00",
      end: "2031-06-02T10:30",
    });
    // Berlin is UTC+2 in June.
    expect(created.startsAt.toISOString()).toBe("2031-06-02T07:00:00.000Z");
    expect(created.endsAt.toISOString()).toBe("2031-06-02T08:30:00.000Z");
    await expect(me.client.event.get({ id: created.id })).resolves.toEqual(created);

    const updated = await me.client.event.update({
      id: created.id,
      title: "Planning, moved",
      description: null,
      location: "",
      allDay: false,
      timeZone: "America/New_York",
      start: "2031-06-03T09:00",
      end: "2031-06-03T09:45",
    });
    expect(updated).toMatchObject({
      id: created.id,
      title: "Planning, moved",
      description: null,
      location: null,
      timeZone: "America/New_York",
      start: "2031-06-03T09:00",
    });
    expect(updated.startsAt.toISOString()).toBe("2031-06-03T13:00:00.000Z");

    await expect(me.client.event.delete({ id: created.id })).resolves.toEqual({ id: created.id });
    await expect(me.client.event.get({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
  });

  it("all day: from the start of the first day to the start of the day after the last", async () => {
    const trip = await me.client.event.create({
      title: "Trip",
      allDay: true,
      timeZone: "Asia/Tokyo",
      start: "2031-08-10",
      end: "2031-08-12",
    });
    expect(trip).toMatchObject({ allDay: true, start: "2031-08-10", end: "2031-08-12" });
    expect(trip.startsAt.toISOString()).toBe("2031-08-09T15:00:00.000Z");
    expect(trip.endsAt.toISOString()).toBe("2031-08-12T15:00:00.000Z");
  });
});

describe("bad event input is a typed BAD_REQUEST naming the field, and writes nothing", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["empty title", { title: "   " }, "title"],
    ["title over 200 characters", { title: "x".repeat(201) }, "title"],
    ["description over 5000 characters", { description: "x".repeat(5001) }, "description"],
    ["location over 200 characters", { location: "x".repeat(201) }, "location"],
    ["unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an offset instead of a zone", { timeZone: "+01:00" }, "timeZone"],
    ["start not a date-time", { start: "next tuesday" }, "start"],
    ["start that is not on the calendar", { start: "2031-02-30T09:00" }, "start"],
    ["end before start", { end: "2031-06-02T08:59" }, "end"],
    ["a UTC instant where a wall-clock time belongs", { start: "2031-06-02T07:00:00Z" }, "start"],
    ["all day with times", { allDay: true }, "start"],
    [
      "all day ending before it starts",
      { allDay: true, start: "2031-06-02", end: "2031-06-01" },
      "end",
    ],
    ["a time the clocks skip", { start: "2031-03-30T02:30", end: "2031-03-30T04:00" }, "start"],
    ["missing start", { start: undefined }, "start"],
    ["allDay not a boolean", { allDay: "yes" }, "allDay"],
  ];

  it.each(cases)("%s", async (_label, change, field) => {
    const before = await countEvents();
    const error = await me.client.event
      .create({ ...meeting, ...change } as typeof meeting)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(issuePaths(error)).toContain(field);
    expect(await countEvents()).toBe(before);
  });

  it("on update too, and the stored event stays as it was", async () => {
    const created = await me.client.event.create(meeting);
    const error = await me.client.event
      .update({ ...meeting, id: created.id, end: "2031-06-01T10:00" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(error)).toEqual(["end"]);
    await expect(me.client.event.get({ id: created.id })).resolves.toEqual(created);
  });

  it("every bad field in one answer: a bad title, start and end together", async () => {
    const before = await countEvents();
    const bad = { ...meeting, title: " ", start: "next tuesday", end: "2031-02-30T10:00" };
    const created = await me.client.event.create(bad).catch((e: unknown) => e);
    expect(created).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(issuePaths(created)).toEqual(["title", "start", "end"]);
    expect(await countEvents()).toBe(before);

    const stored = await me.client.event.create(meeting);
    const updated = await me.client.event
      .update({ ...bad, id: stored.id })
      .catch((e: unknown) => e);
    expect(updated).toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(updated)).toEqual(["title", "start", "end"]);
    await expect(me.client.event.get({ id: stored.id })).resolves.toEqual(stored);
  });

  it("an end before the start still shows beside another bad field", async () => {
    const error = await me.client.event
      .create({ ...meeting, location: "x".repeat(201), end: "2031-06-02T08:00" })
      .catch((e: unknown) => e);
    expect(issuePaths(error)).toEqual(["location", "end"]);
  });

  it("with a zone that is not one, start and end are still checked for their form", async () => {
    const error = await me.client.event
      .create({ ...meeting, timeZone: "Mars/Olympus_Mons", start: "soon", end: "2031-06-02T10:30" })
      .catch((e: unknown) => e);
    expect(issuePaths(error)).toEqual(["timeZone", "start"]);
  });

  it("an id that is not a UUID", async () => {
    const error = await me.client.event.get({ id: "../../etc" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });
});
