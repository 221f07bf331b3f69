import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { BEFORE_FIXTURE_EVENTS, CALENDAR_FIXTURE, createEventDirectly, dayFromNow } from "./events";
import { expect, open, scrollsSideways, TINY_PNG, test, waitForHydration } from "./fixtures";

test.use({ shareAccountInFile: true, timezoneId: "Europe/Berlin" });

const ZONE = "Europe/Berlin";

test("an event added with the form shows in the agenda under its day, and can be edited and deleted", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  // The browser logs the refusal answered below.
  allowConsoleError(/status of 400/);
  await open(page, "/agenda");
  await page.getByRole("link", { name: "New event" }).click();
  await expect(page.getByRole("heading", { name: "New event" })).toBeVisible();
  // The form starts in the browser's own zone.
  await expect(page.getByLabel("Time zone")).toHaveValue(ZONE);

  const tomorrow = dayFromNow(1, ZONE);
  await page.getByLabel("Title").fill("Dinner with Sam");
  await page.getByLabel("Starts").fill(`${tomorrow}T19:00`);
  await page.getByLabel("Ends").fill(`${tomorrow}T18:00`);
  await page.getByRole("button", { name: "Add event" }).click();
  // The server's own rule (end before start), checked before sending, at its field.
  await expect(page.getByLabel("Ends")).toHaveAccessibleDescription("The end is before the start.");

  await page.getByLabel("Ends").fill(`${tomorrow}T21:30`);
  await page.getByLabel("Location (optional)").fill("Luigi's");
  // A refusal only the server makes (say, a zone its runtime lacks) also lands at its field.
  await page.route("**/rpc/event/create", (route) =>
    route.fulfill({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({
        json: {
          defined: true,
          code: "BAD_REQUEST",
          status: 400,
          message: "The input is not valid.",
          data: { issues: [{ path: ["timeZone"], message: "Not a zone this server knows." }] },
        },
      }),
    }),
  );
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByLabel("Time zone")).toHaveAccessibleDescription(
    "Not a zone this server knows.",
  );
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
    "Check the fields marked in red.",
  );
  await page.unroute("**/rpc/event/create");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("Event added.");
  await expect(page).toHaveURL(/\/agenda$/);

  const day = page.getByRole("region", { name: /^Tomorrow/ });
  const dinner = day.getByRole("listitem").filter({ hasText: "Dinner with Sam" });
  await expect(dinner).toContainText("19:00 – 21:30");
  await expect(dinner).toContainText("Luigi's");

  // After a reload the server renders the same day in the browser's zone (the tz cookie).
  await page.reload();
  await expect(page.getByText(`in ${ZONE} time`)).toBeVisible();
  await expect(dinner).toContainText("19:00 – 21:30");

  await dinner.getByRole("link", { name: "Dinner with Sam" }).click();
  await expect(page.getByRole("heading", { name: "Edit event" })).toBeVisible();
  await page.getByLabel("Title").fill("Dinner with Sam and Alex");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("Event saved.");
  await expect(day.getByRole("link", { name: "Dinner with Sam and Alex" })).toBeVisible();

  await day.getByRole("link", { name: "Dinner with Sam and Alex" }).click();
  // Files attach to an event as they do to a todo.
  await page
    .getByLabel("Attach a file to “Dinner with Sam and Alex”")
    .setInputFiles({ name: "table-plan.png", mimeType: "image/png", buffer: TINY_PNG });
  await expect(
    page
      .getByRole("list", { name: "Files of “Dinner with Sam and Alex”" })
      .getByRole("link", { name: "table-plan.png" }),
  ).toBeVisible();
  // Opened directly, the page arrives whole from the server: heading, the form filled in with
  // the event and its files listed. Hydrating it changes nothing (a mismatch would be a console
  // error, which fails the test).
  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  const served = (await reloaded?.text()) ?? "";
  expect(served).toContain("<title>Dinner with Sam and Alex · Checkmark</title>");
  expect(served).toContain(">Edit event</h1>");
  expect(served).toContain('value="Dinner with Sam and Alex"');
  expect(served).toContain(`<option value="${ZONE}"`);
  expect(served).toContain(">table-plan.png</a>");
  expect(served).not.toContain("Loading…");
  await waitForHydration(page);
  await expect(page.getByLabel("Title")).toHaveValue("Dinner with Sam and Alex");
  await page.getByRole("button", { name: "Delete event" }).click();
  await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
    "Deleted “Dinner with Sam and Alex”.",
  );
  await expect(page).toHaveURL(/\/agenda$/);
  await expect(page.getByRole("link", { name: "Dinner with Sam and Alex" })).toHaveCount(0);
});

test("an event edit opened before a change made elsewhere is refused, keeps what was typed, and saves when sent again", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 409/);
  const day = dayFromNow(2, ZONE);
  const fields = { start: `${day}T08:00`, end: `${day}T09:00`, timeZone: ZONE };
  const { id } = await createEventDirectly(page, { title: "Team breakfast", ...fields });
  await open(page, `/agenda/${id}`);
  await waitForHydration(page);
  await page.getByLabel("Title").fill("Team breakfast at Rosa's");

  // Meanwhile a script with a key (or another tab) moves it.
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const moved = await page.request.post("/rpc/event/update", {
    headers: { origin },
    data: {
      json: {
        id,
        title: "Team breakfast (moved)",
        allDay: false,
        ...fields,
        start: `${day}T08:30`,
      },
    },
  });
  expect(moved.status(), await moved.text()).toBe(200);

  await page.getByRole("button", { name: "Save event" }).click();
  const notifications = page.getByRole("region", { name: /Notifications/ });
  await expect(notifications).toContainText("changed somewhere else since you opened it");
  await expect(page.getByLabel("Title")).toHaveValue("Team breakfast at Rosa's");
  await expect(page).toHaveURL(new RegExp(`/agenda/${id}$`));

  // Sent again, knowingly, it replaces the other version.
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(notifications).toContainText("Event saved.");
  await expect(page.getByRole("link", { name: "Team breakfast at Rosa's" })).toBeVisible();
});

test("/agenda/new arrives with its heading and form already in the page, in the viewer's zone", async ({
  page,
  account: _signedIn,
}) => {
  // Opened directly with no zone cookie yet: the server renders UTC, the browser corrects it.
  const first = await page.goto("/agenda/new");
  const served = (await first?.text()) ?? "";
  expect(served).toContain(">New event</h1>");
  expect(served).toContain('name="title"');
  expect(served).not.toContain("Loading…");
  expect(served).toContain('<option value="UTC"');
  // Typed as soon as the page is live: the browser's own defaults must not wipe it.
  await waitForHydration(page);
  await page.getByLabel("Title").fill("Typed at once");
  // Settled: the zone is saved for the server, and the defaults are the browser's zone's.
  await expect
    .poll(async () => (await page.context().cookies()).some((c) => c.name === "tz"))
    .toBe(true);
  await expect(page.getByLabel("Time zone")).toHaveValue(ZONE);
  await expect(page.getByLabel("Starts")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
  await expect(page.getByLabel("Title")).toHaveValue("Typed at once");

  // With the cookie, the served form is in the viewer's zone from the start, and hydrating it
  // changes nothing (a mismatch would be a console error, which fails the test).
  const again = await page.reload();
  expect(await again?.text()).toContain(`<option value="${ZONE}"`);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "New event", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue(ZONE);
  await expect(page.getByLabel("Starts")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
  // After hydration the whole list of zones is there to choose from.
  expect(await page.getByLabel("Time zone").locator("option").count()).toBeGreaterThan(100);
});

test("importing a calendar file shows live progress to 100%, then what was imported and what failed", async ({
  page,
  account: _signedIn,
}) => {
  // The browser's clock just before the fixture's events: its recurrence window and "today".
  await page.clock.setFixedTime(BEFORE_FIXTURE_EVENTS);
  await open(page, "/agenda/import");
  const file = page.getByLabel("Calendar file (.ics or .csv)");
  const importButton = page.getByRole("button", { name: "Import events" });

  // Too large: refused before a byte is sent.
  await file.setInputFiles({
    name: "huge.ics",
    mimeType: "text/calendar",
    buffer: Buffer.alloc(6 * 1024 * 1024, "A"),
  });
  await expect(page.getByRole("alert")).toContainText(
    "This file is 6 MB; import files may be at most 5 MB.",
  );
  await expect(importButton).toBeDisabled();

  await file.setInputFiles(CALENDAR_FIXTURE);
  await importButton.click();
  const progress = page.getByRole("progressbar", { name: "Importing calendar.ics" });
  // 5 stand-ups (6 Mondays but one excluded), the holidays, the flight, the call, the dentist.
  await expect(progress).toHaveAttribute("max", "9");
  await expect(progress).toHaveAttribute("value", "9");
  await expect(page.getByText("100%")).toBeVisible();
  await expect(page.getByText("Import finished: 8 events imported, 1 row failed.")).toBeVisible();
  const failed = page.getByRole("region", { name: "Not imported (1)" });
  await expect(failed).toContainText("Row 5: Dentist");
  await expect(failed).toContainText("The end is before the start.");

  await page.getByRole("link", { name: "Go to your agenda" }).click();
  await expect(page.getByRole("link", { name: "Team stand-up" })).toHaveCount(5);
  const holidays = page.getByRole("listitem").filter({ hasText: "Christmas holidays" });
  await expect(holidays).toContainText("All day, until Sat 26 Dec");
  // 17:00 in Tokyo is 09:00 in Berlin; the event's own zone is noted beside it.
  const call = page.getByRole("listitem").filter({ hasText: "Call with the Tokyo office" });
  await expect(call).toContainText("09:00 – 10:00");
  await expect(call).toContainText("17:00 – 18:00 Asia/Tokyo time");
  await expect(page.getByRole("region", { name: /Thursday 10 December/ })).toContainText(
    "Flight to Lisbon",
  );

  // Screenshots for CI's artifacts (README: "Screenshots"), phone and desktop, both themes.
  const folder = join(test.info().project.outputDir, "screenshots");
  mkdirSync(folder, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [size, viewport] of [
      ["phone", { width: 375, height: 812 }],
      ["desktop", { width: 1280, height: 800 }],
    ] as const) {
      await page.setViewportSize(viewport);
      expect(await scrollsSideways(page), `agenda on a ${size}`).toBe(false);
      await page.screenshot({
        path: join(folder, `agenda-events-${size}-${scheme}.png`),
        fullPage: true,
      });
    }
  }

  // The same file again adds nothing twice.
  await open(page, "/agenda/import");
  await file.setInputFiles(CALENDAR_FIXTURE);
  await importButton.click();
  await expect(
    page.getByText("Import finished: 0 events imported, 8 already there, 1 row failed."),
  ).toBeVisible();
});

test("the agenda's Upcoming and Past views mark only the one shown as current", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/agenda?when=past");
  const views = page.getByRole("navigation", { name: "Which events" });
  await expect(views.getByRole("link", { name: "Past" })).toHaveAttribute("aria-current", "page");
  await expect(views.locator('[aria-current="page"]')).toHaveCount(1);
  await waitForHydration(page);
  await views.getByRole("link", { name: "Upcoming" }).click();
  await expect(page).not.toHaveURL(/when=/);
  await expect(views.getByRole("link", { name: "Upcoming" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(views.locator('[aria-current="page"]')).toHaveCount(1);
});
