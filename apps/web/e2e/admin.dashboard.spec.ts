import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import {
  expect,
  fillSignIn,
  grantAdmin,
  open,
  scrollsSideways,
  signUp,
  test,
  uniqueEmail,
  waitForHydration,
} from "./fixtures";

const shots = join(import.meta.dirname, "../test-results/screenshots");

/** The README's command for the first admin, password on stdin as a script would give it. */
function createAdmin(admin: { email: string; name: string; password: string }) {
  const script = join(import.meta.dirname, "../../../scripts/admin-create.sh");
  return execFileSync(
    "bash",
    [script, "--email", admin.email, "--name", admin.name, "--password-stdin"],
    {
      input: admin.password,
      env: { ...process.env, CHECKMARK_STATE_DIR: process.env.E2E_STATE_DIR },
      stdio: "pipe",
    },
  ).toString();
}

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: true });
}

test("an admin made by the command bans a user, who is signed out and refused; the audit log shows it", async ({
  page,
  browser,
  allowConsoleError,
}) => {
  const admin = { name: "Ada Admin", email: uniqueEmail("ada"), password: "a long enough one" };
  expect(createAdmin(admin)).toMatch(/created the admin/);

  // A user signed in in their own browser.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const user = { name: "Mallory", email: uniqueEmail("mallory"), password: "another long one" };
  await signUp(userPage, user);

  // The admin signs in at once with the password given to the command.
  await fillSignIn(page, admin);
  await expect(page).toHaveURL(/\/todos$/);
  await waitForHydration(page);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.locator("[data-testid=activity-chart] canvas")).toBeVisible();
  await screenshots(page, "admin-overview");

  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Users" })
    .click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await waitForHydration(page);

  // Creating an account with a taken address says so at the email field, as the form's own
  // messages do for empty fields: no browser bubble, each message tied to its field.
  await page.getByText("Create a user").click();
  const createButton = page.getByRole("button", { name: "Create and mail a link" });
  await createButton.click();
  const newEmail = page.getByLabel("Email", { exact: true });
  await expect(newEmail).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    "Enter their name.",
  );
  await newEmail.fill(user.email);
  await page.getByLabel("Name", { exact: true }).fill("Mallory Again");
  allowConsoleError(/status of 409/);
  await createButton.click();
  await expect(newEmail).toHaveAccessibleDescription("An account with that email exists.");
  await screenshots(page, "admin-users");

  // The search is in the URL: a reload keeps it, and so does Back from the user's page.
  const search = page.getByRole("searchbox", { name: /Search users/ });
  await search.fill(user.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.reload();
  await expect(search).toHaveValue(user.email);
  await expect(page.getByRole("row")).toHaveCount(2);
  await waitForHydration(page);
  await page.getByRole("link", { name: new RegExp(user.name) }).click();

  // A role change is asked once more, in words: called off, nothing changes; confirmed, it does.
  const confirmRole = page.getByRole("group", { name: "Confirm the role change" });
  await page.getByRole("button", { name: "Make admin" }).click();
  await expect(confirmRole).toContainText(`${user.name} will see and act on every account.`);
  await confirmRole.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmRole).toHaveCount(0);
  await page.getByRole("button", { name: "Make admin" }).click();
  await confirmRole.getByRole("button", { name: "Yes, make admin" }).click();
  await page.getByRole("button", { name: "Remove admin rights" }).click();
  await confirmRole.getByRole("button", { name: "Yes, remove admin rights" }).click();
  await expect(page.getByRole("button", { name: "Make admin" })).toBeVisible();

  // The ban form's own messages: a reason is needed, and an end already past is refused.
  const banButton = page.getByRole("button", { name: "Ban and sign out" });
  const reason = page.getByLabel(/Reason/);
  await banButton.click();
  await expect(reason).toHaveAccessibleDescription("Give a reason.");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.fill("Spam in shared lists");
  const until = page.getByLabel(/^Until/);
  await until.fill("2020-01-01");
  await banButton.click();
  await expect(until).toHaveAccessibleDescription("The end of the ban must be in the future.");
  await expect(until).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("ban-status")).toHaveText("Active");
  await until.fill("");
  await banButton.click();
  await expect(page.getByTestId("ban-status")).toHaveText(/Banned: Spam in shared lists/);
  await expect(page.getByText("No live sessions.")).toBeVisible();

  // "← Users" goes back to the list as it was searched, with the user now banned.
  await page.getByRole("link", { name: "← Users" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(search).toHaveValue(user.email);
  await expect(page.getByRole("row", { name: new RegExp(user.name) })).toContainText("banned");

  // The audit log reads as sentences: names and emails, the action and its details in words.
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Audit log" })
    .click();
  const entry = page.getByRole("article", { name: `Banned: ${user.name}` }).first();
  await expect(entry).toContainText(`By${admin.name} ${admin.email}`);
  await expect(entry).toContainText(`User${user.name} ${user.email}`);
  await expect(entry).toContainText("ReasonSpam in shared lists");
  await expect(entry).not.toContainText("{");
  await page.getByLabel("Show").selectOption({ label: "Banned" });
  await expect(page).toHaveURL(/[?&]action=user\.ban/);
  await expect(page.getByRole("article").first()).toHaveAccessibleName(/^Banned: /);
  await page.reload();
  await expect(page.getByLabel("Show")).toHaveValue("user.ban");
  await screenshots(page, "admin-audit");

  // A user page for an account that is not there says so, not "Something went wrong".
  allowConsoleError(/status of 404/);
  const noUser = await page.goto(`/admin/users/${crypto.randomUUID()}`);
  expect(noUser?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such user" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to users" })).toHaveAttribute(
    "href",
    "/admin/users",
  );

  // The banned user's open page no longer has a session, and signing in says why.
  allowConsoleError(/status of 40[13]/);
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in/);
  await fillSignIn(userPage, user);
  await expect(userPage.getByRole("alert")).toContainText(/suspended: Spam in shared lists/);
  await userContext.close();
});

test("the admin pages are a 404 for a signed-in user, with no dashboard in the HTML", async ({
  page,
  allowConsoleError,
}) => {
  await signUp(page, { name: "Nora", email: uniqueEmail("nora"), password: "a long enough one" });
  allowConsoleError(/status of 404/);
  for (const path of ["/admin", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(await response?.text()).not.toMatch(/Overview|Audit log|Search users/);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
});

test("an admin acts as a user under a banner on every page, then stops and is the admin again", async ({
  page,
  browser,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 403/);
  const admin = { name: "Ida Admin", email: uniqueEmail("ida"), password: "a long enough one" };
  createAdmin(admin);
  const userContext = await browser.newContext();
  const user = { name: "Uma", email: uniqueEmail("uma"), password: "another long one" };
  await signUp(await userContext.newPage(), user);
  await userContext.close();

  await fillSignIn(page, admin);
  await expect(page).toHaveURL(/\/todos$/);
  await page.goto("/admin/users");
  await waitForHydration(page);
  await page.getByRole("searchbox", { name: /Search users/ }).fill(user.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: new RegExp(user.name) }).click();
  await page.getByRole("button", { name: "Act as this user" }).click();

  const banner = page.getByTestId("impersonation-banner");
  await expect(page).toHaveURL(/\/todos$/);
  await expect(banner).toContainText(`You are acting as ${user.name}`);
  await expect(banner).toContainText(admin.email);
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText(user.email).first()).toBeVisible();
  await expect(banner).toBeVisible();
  // Their settings are read-only, and the page gives the server's reason, not a name rule.
  await page.getByLabel("Name", { exact: true }).fill("Sneaky");
  await page
    .getByRole("region", { name: "API keys" })
    .getByLabel("Your password")
    .fill("a guess at their password");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "While acting as this user, their account settings are read-only.",
  );

  await banner.getByRole("button", { name: /^Stop acting as / }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Both ends are in the audit log, the stop marked with the admin behind it.
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(
    page.getByRole("article", { name: `Started acting as a user: ${user.name}` }).first(),
  ).toContainText(`By${admin.name} ${admin.email}`);
  await expect(
    page.getByRole("article", { name: `Stopped acting as a user: ${user.name}` }).first(),
  ).toContainText(`By${admin.name} ${admin.email} acting as ${user.name} ${user.email}`);
});

test.describe("on a phone abroad", () => {
  test.use({ viewport: { width: 375, height: 812 }, timezoneId: "Pacific/Auckland" });

  test("the users table fits the screen, says each account's status under it, and dates it in the admin's zone", async ({
    page,
    account,
  }) => {
    grantAdmin(account.email);
    await open(page, "/admin/users");
    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ hasText: account.email });
    await expect(row).toContainText("admin");
    await expect(row).toContainText(/seen [1-9]\d? [A-Z][a-z]{2} \d{4}/);
    // Role, confirmation, ban and last visit fold into that line; the table stays a table.
    await expect(table.getByRole("columnheader", { name: "Role" })).toBeHidden();
    await expect(table.getByRole("columnheader", { name: /Joined/ })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    const card = await table.evaluate((element) => {
      const box = element.parentElement;
      return box ? box.scrollWidth - box.clientWidth : -1;
    });
    expect(card, "the table's card does not scroll sideways either").toBe(0);

    // Served with the zone known (its cookie, set on the first visit), hydrating changes nothing
    // (a mismatch would be a console error, which fails the test), and the day is Auckland's.
    await open(page, "/admin/users");
    const joined = row.locator("time").last();
    const iso = (await joined.getAttribute("datetime")) ?? "";
    // Auckland's calendar day, written as people read it: "6 Dec 2026", the day unpadded.
    const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" })
      .format(new Date(iso))
      .split("-")
      .map(Number);
    const monthName = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ")[
      (month ?? 1) - 1
    ];
    await expect(joined).toHaveText(`${day} ${monthName} ${year}`);
    await expect(joined).toHaveAttribute("title", / UTC$/);
  });
});
