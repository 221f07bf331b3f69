import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every test fails on a browser console error it did not announce with `allowConsoleError`:
 * a silent error in the page is a bug waiting.
 */
export const test = base.extend<{ allowConsoleError: (pattern: RegExp) => void }>({
  // Each test is a visitor of its own, as Cloudflare names them in cf-connecting-ip, so one
  // test's sign-ups never spend another's rate-limit budget.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ "cf-connecting-ip": randomVisitorIp(), ...extraHTTPHeaders });
  },
  allowConsoleError: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use((pattern) => allowed.push(pattern));
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, "unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

function randomVisitorIp() {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

/** After any full page load: clicks before React hydrates reach no handler. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html[data-hydrated=true]")).toBeAttached();
}

/** Navigates and waits until React has hydrated, so clicks reach handlers. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

export function uniqueEmail(label: string) {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** Fills and sends the sign-up form; the app then asks the user to check their email. */
export async function submitSignUp(
  page: Page,
  user: { name: string; email: string; password: string },
) {
  await open(page, "/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** Opens the newest mail to `email` about `subject` in the dev mailbox and follows its link. */
export async function followMailedLink(page: Page, email: string, subject: string) {
  const message = page.getByRole("article", { name: `${subject} to ${email}` }).first();
  // Mail arrives through the queue (batched for up to a second): reload until it is there.
  await expect(async () => {
    await open(page, "/dev/mailbox");
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await message.getByRole("link").first().click();
}

/** Follows the newest confirmation link to `email` and confirms it with `password`. */
export async function confirmEmail(page: Page, email: string, password: string) {
  await followMailedLink(page, email, "Confirm your email for Checkmark");
  await expect(page).toHaveURL(/\/confirm-email\?token=/);
  await waitForHydration(page);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
}

/** A new account confirmed through the emailed link and its password, signed in on /todos. */
export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await submitSignUp(page, user);
  await confirmEmail(page, user.email, user.password);
  await expect(page).toHaveURL(/\/todos$/);
  await waitForHydration(page);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

export async function fillSignIn(page: Page, user: { email: string; password: string }) {
  await open(page, "/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Throws an uncaught error with `message` in the page, as a bug would, and waits for the
 * browser's report of it to reach the server. Returns that report's request.
 */
export async function throwInPage(page: Page, message: string) {
  const reported = page.waitForRequest(
    (request) => request.url().endsWith("/api/log/frontend-error") && request.method() === "POST",
  );
  await page.evaluate((text) => {
    setTimeout(() => {
      throw new Error(text);
    });
  }, message);
  return reported;
}
