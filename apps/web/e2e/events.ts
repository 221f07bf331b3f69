import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The fixture calendar: a weekly stand-up (6 Mondays, one left out), an all-day stretch, a UTC
 *  flight, a call set in Tokyo time, and a dentist's appointment that ends before it starts. */
export const CALENDAR_FIXTURE = join(import.meta.dirname, "fixtures/calendar.ics");

/** A moment shortly before the fixture's events, for the browser's clock. */
export const BEFORE_FIXTURE_EVENTS = new Date("2026-12-01T10:00:00Z");

/** The calendar day `days` from now in `zone`, as "YYYY-MM-DD" (what a date field holds). */
export function dayFromNow(days: number, zone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(
    Date.now() + days * 86_400_000,
  );
}

/** Creates an event as the app's form does, through event.create with this page's session. */
export async function createEventDirectly(
  page: Page,
  fields: { title: string; start: string; end: string; timeZone: string; location?: string },
) {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const response = await page.request.post("/rpc/event/create", {
    headers: { origin },
    data: { json: { allDay: false, ...fields } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { json: { id: string } }).json;
}
