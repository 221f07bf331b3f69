import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./accessibility";
import { BEFORE_FIXTURE_EVENTS, CALENDAR_FIXTURE, createEventDirectly, dayFromNow } from "./events";
import {
  expect,
  grantAdmin,
  open,
  test,
  throwInPage,
  uniqueEmail,
  useSavedTheme,
} from "./fixtures";

test.use({ shareAccountInFile: true });

interface PageVisit {
  path: string;
  title: string | RegExp;
  /** Puts the page in the state worth checking (errors shown, a toast up). */
  prepare?: (page: Page) => Promise<void>;
  /** Answers 404, which the browser logs as a console error. */
  missing?: true;
  /** Checked in the dark theme too (see DARK THEME below). */
  dark?: true;
}

// DARK THEME: every colour comes from the role tokens in src/styles.css, each a
// light-dark(light, dark) pair, so a page can only fail in dark where it shows a component
// family no other dark-checked page shows. Every page is checked in light; dark covers one
// page per layout and component family, in its richest state:
// - "/": the signed-out home page; "/dev/mailbox": its own layout of mail articles;
//   "/no-such-page": the not-found page (the same component signed in or out);
// - "/sign-up" with its field errors: the auth card (card, fields, buttons, error text) that
//   /sign-in, /sign-in/two-factor, /forgot-password, /reset-password, /confirm-email,
//   /confirm-email-change and /restore-email are built from; "/check-email": the success note;
// - signed in, the app shell on "/todos" (header, nav, list, overdue warning, toast), "/agenda"
//   (event list, the event form /agenda/new shares, the delete confirmation; ?when=past is the
//   same list), "/agenda/import" (progress bar, summary, failed rows), "/settings" (every
//   section), and the admin pages: /admin/errors, /admin/users and a user's page with their
//   forms' messages, and /admin/audit with an entry.

const signedOutPages: PageVisit[] = [
  { path: "/", title: "Checkmark: keep your todos", dark: true },
  { path: "/sign-in", title: "Sign in · Checkmark" },
  { path: "/sign-in/two-factor", title: "Enter your code · Checkmark" },
  {
    path: "/sign-up",
    title: "Create your account · Checkmark",
    dark: true,
    prepare: async (page) => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
    },
  },
  { path: "/forgot-password", title: "Reset your password · Checkmark" },
  {
    path: "/check-email?email=someone%40example.com",
    title: "Check your email · Checkmark",
    dark: true,
  },
  { path: "/confirm-email?token=not-a-real-token", title: "Confirm your email · Checkmark" },
  { path: "/reset-password", title: "Choose a new password · Checkmark" },
  { path: "/confirm-email-change?token=x.y", title: "Confirm your new email · Checkmark" },
  { path: "/restore-email?token=x.y", title: "Restore your email · Checkmark" },
  { path: "/dev/mailbox", title: "Dev mailbox · Checkmark", dark: true },
  { path: "/no-such-page", title: "Page not found · Checkmark", missing: true, dark: true },
];

const signedInPages: PageVisit[] = [
  {
    path: "/todos",
    title: "Your todos · Checkmark",
    dark: true,
    prepare: async (page) => {
      const text = `Check the smoke alarm ${crypto.randomUUID().slice(0, 4)}`;
      await page.getByLabel("New todo").fill(text);
      // Overdue, so the warning's colours are checked too.
      await page.getByLabel("Due date (optional)").fill("2020-01-31");
      await page.getByRole("button", { name: "Add" }).click();
      await page.getByRole("checkbox", { name: text }).check();
      await expect(page.getByRole("checkbox", { name: text })).toBeChecked();
      // With the toast up, so its colours are checked too.
      await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(
        "Todo added.",
      );
    },
  },
  {
    path: "/agenda",
    title: "Agenda · Checkmark",
    dark: true,
    // With events listed (one in another zone, so its note shows), then one opened for
    // editing with its delete confirmation up.
    prepare: async (page) => {
      const day = dayFromNow(2, "UTC");
      await createEventDirectly(page, {
        title: "Quarterly review",
        start: `${day}T09:00`,
        end: `${day}T10:30`,
        timeZone: "America/New_York",
        location: "Main office",
      });
      await page.reload();
      await page.getByRole("link", { name: "Quarterly review" }).first().click();
      await expect(page.getByRole("heading", { name: "Edit event" })).toBeVisible();
      await expect(page).toHaveTitle("Quarterly review · Checkmark");
      await page.getByRole("button", { name: "Delete event" }).click();
      await expect(page.getByRole("button", { name: "Keep it" })).toBeFocused();
      await expectNoSeriousA11yViolations(page, "/agenda/$eventId");
      await page.getByRole("link", { name: "Cancel" }).click();
      await expect(page.getByRole("link", { name: "Quarterly review" }).first()).toBeVisible();
    },
  },
  { path: "/agenda?when=past", title: "Agenda · Checkmark" },
  {
    path: "/agenda/new",
    title: "New event · Checkmark",
    // With the form's messages shown.
    prepare: async (page) => {
      await page.getByRole("button", { name: "Add event" }).click();
      await expect(page.getByText("Give the event a title.")).toBeVisible();
    },
  },
  {
    path: "/agenda/import",
    title: "Import events · Checkmark",
    dark: true,
    // With an import's progress, summary and failed rows shown.
    prepare: async (page) => {
      await page.clock.setFixedTime(BEFORE_FIXTURE_EVENTS);
      await page.getByLabel("Calendar file (.ics or .csv)").setInputFiles(CALENDAR_FIXTURE);
      await page.getByRole("button", { name: "Import events" }).click();
      await expect(page.getByRole("region", { name: /Not imported/ })).toBeVisible();
    },
  },
  { path: "/settings", title: "Settings · Checkmark", dark: true },
  { path: "/no-such-page", title: "Page not found · Checkmark", missing: true },
];

async function visitAndCheck(page: Page, visit: PageVisit, theme: "light" | "dark") {
  await useSavedTheme(page, theme);
  await open(page, visit.path);
  await expect(page).toHaveTitle(visit.title);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  await visit.prepare?.(page);
  await expectNoSeriousA11yViolations(page, `${visit.path} (${theme})`);
}

for (const theme of ["light", "dark"] as const) {
  const checked = (visit: PageVisit) => theme === "light" || visit.dark;
  for (const visit of signedOutPages.filter(checked)) {
    test(`signed out, ${visit.path} (${theme}): titled, no serious accessibility violations`, async ({
      page,
      allowConsoleError,
    }) => {
      if (visit.missing) allowConsoleError(/status of 404/);
      await visitAndCheck(page, visit, theme);
    });
  }

  for (const visit of signedInPages.filter(checked)) {
    test(`signed in, ${visit.path} (${theme}): titled, no serious accessibility violations`, async ({
      page,
      account: _signedIn,
      allowConsoleError,
    }) => {
      if (visit.missing) allowConsoleError(/status of 404/);
      await visitAndCheck(page, visit, theme);
    });
  }

  // The API reference is a document of its own (src/api-docs.ts): Scalar's UI in the app's
  // colours and theme, with its unnamed copy buttons named (docs/decisions/054).
  test(`/api/docs (${theme}): titled, no serious accessibility violations`, async ({ page }) => {
    await useSavedTheme(page, theme);
    await page.goto("/api/docs");
    await expect(page).toHaveTitle("API reference · Checkmark");
    await expect(page.getByText("List your todos", { exact: true }).first()).toBeVisible();
    await expect(page.locator("body")).toHaveClass(new RegExp(`\\b${theme}-mode\\b`));
    await expectNoSeriousA11yViolations(page, `/api/docs (${theme})`);
  });

  test(`signed in as an admin, the admin pages (${theme}): titled, no serious accessibility violations`, async ({
    page,
    account,
    allowConsoleError,
  }) => {
    grantAdmin(account.email);
    // With a reported error on the page, so its entries are checked too.
    allowConsoleError(/Checkmark a11y e2e/);
    await open(page, "/agenda");
    await throwInPage(page, `Checkmark a11y e2e ${theme}`);
    const reported = page.getByRole("article", { name: `Checkmark a11y e2e ${theme}` });
    await visitAndCheck(
      page,
      {
        path: "/admin/errors",
        title: "Browser errors · Admin · Checkmark",
        // The server stores a report just after answering it: look again until it is listed.
        prepare: () =>
          expect(async () => {
            await page.reload();
            await expect(reported).toBeVisible({ timeout: 1000 });
          }).toPass(),
      },
      theme,
    );

    // The users table with the create form's messages, then a new account's page with the ban
    // form's, then the audit log with that account's creation in it.
    await visitAndCheck(
      page,
      {
        path: "/admin/users",
        title: "Users · Admin · Checkmark",
        prepare: async () => {
          await page.getByText("Create a user").click();
          await page.getByRole("button", { name: "Create and mail a link" }).click();
          await expect(page.getByText("Enter their name.")).toBeVisible();
        },
      },
      theme,
    );
    await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("created"));
    await page.getByLabel("Name", { exact: true }).fill("Casey Created");
    await page.getByRole("button", { name: "Create and mail a link" }).click();
    await expect(page.getByRole("heading", { name: "Casey Created" })).toBeVisible();
    await expect(page).toHaveTitle("User · Admin · Checkmark");
    await page.getByRole("button", { name: "Ban and sign out" }).click();
    await expect(page.getByText("Give a reason.")).toBeVisible();
    await expectNoSeriousA11yViolations(page, `/admin/users/$userId (${theme})`);
    await visitAndCheck(
      page,
      {
        path: "/admin/audit",
        title: "Audit log · Admin · Checkmark",
        prepare: () =>
          expect(
            page.getByRole("article", { name: /^Created an account: Casey Created/ }).first(),
          ).toBeVisible(),
      },
      theme,
    );
  });
}
