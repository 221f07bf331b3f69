import { beforeAll, describe, expect, it } from "vitest";
import { issuePaths, signedInUser } from "./fixtures";

let me: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  me = await signedInUser();
});

const nineInBerlin = (day: string) =>
  me.client.event.create({
    title: `Stand-up ${day}`,
    allDay: false,
    timeZone: "Europe/Berlin",
    start: `${day}T09:00`,
    end: `${day}T09:15`,
  });

// Europe/Berlin: CET (UTC+1) until 2026-03-29 02:00, CEST (UTC+2) until 2026-10-25 03:00.
describe("an event at 09:00 Europe/Berlin", () => {
  it("stays at 09:00 on both sides of the spring change, an hour apart in UTC", async () => {
    const before = await nineInBerlin("2026-03-28");
    const after = await nineInBerlin("2026-03-30");
    expect(before.startsAt.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(after.startsAt.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect([before.start, after.start]).toEqual(["2026-03-28T09:00", "2026-03-30T09:00"]);
  });

  it("stays at 09:00 on both sides of the autumn change", async () => {
    const before = await nineInBerlin("2026-10-24");
    const after = await nineInBerlin("2026-10-26");
    expect(before.startsAt.toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(after.startsAt.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect([before.start, after.start]).toEqual(["2026-10-24T09:00", "2026-10-26T09:00"]);
  });

  it("moved across the change keeps its wall-clock time, not its UTC time", async () => {
    const event = await nineInBerlin("2026-03-27");
    const moved = await me.client.event.update({
      id: event.id,
      title: event.title,
      allDay: false,
      timeZone: event.timeZone,
      start: "2026-04-03T09:00",
      end: "2026-04-03T09:15",
    });
    expect(moved.start).toBe("2026-04-03T09:00");
    expect(moved.startsAt.toISOString()).toBe("2026-04-03T07:00:00.000Z");
    await expect(me.client.event.get({ id: event.id })).resolves.toMatchObject({
      start: "2026-04-03T09:00",
      end: "2026-04-03T09:15",
    });
  });
});

describe("the hours a daylight-saving change skips or repeats", () => {
  it("a time the clocks skip (02:30 on 2026-03-29) is refused on its field", async () => {
    const error = await me.client.event
      .create({
        title: "Never happens",
        allDay: false,
        timeZone: "Europe/Berlin",
        start: "2026-03-29T02:30",
        end: "2026-03-29T03:30",
      })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(issuePaths(error)).toEqual(["start"]);
  });

  it("a time that happens twice (02:30 on 2026-10-25) means the first, as in RFC 5545", async () => {
    const event = await me.client.event.create({
      title: "Twice",
      allDay: false,
      timeZone: "Europe/Berlin",
      start: "2026-10-25T02:30",
      end: "2026-10-25T03:30",
    });
    // 02:30 CEST is 00:30 UTC; 03:30 exists once, in CET: 02:30 UTC.
    expect(event.startsAt.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(event.endsAt.toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(event.start).toBe("2026-10-25T02:30");
  });

  it("an all-day event on the spring change lasts that day's 23 hours", async () => {
    const day = await me.client.event.create({
      title: "Short day",
      allDay: true,
      timeZone: "Europe/Berlin",
      start: "2026-03-29",
      end: "2026-03-29",
    });
    expect(day.startsAt.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(day.endsAt.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect([day.start, day.end]).toEqual(["2026-03-29", "2026-03-29"]);
  });
});
