import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  type Browser,
  type BrowserContextOptions,
  test as base,
  type Cookie,
  expect,
  type Page,
} from "@playwright/test";

export interface Account {
  name: string;
  email: string;
  password: string;
}

interface Fixtures {
  allowConsoleError: (pattern: RegExp) => void;
  /**
   * A confirmed account, signed up through the app's own endpoints; this test's browser holds
   * its session cookie. New for every test, unless the file sets `shareAccountInFile`.
   */
  account: Account;
  /**
   * One account for every test in the file. Each later test's browser comes back with the
   * session cookie the first one got (one password check per file, not per test: the account's
   * password budget is 10 a minute, ADR 112); it signs in again only if that session ended.
   */
  shareAccountInFile: boolean;
}

interface SharedAccount {
  account: Account;
  sessionCookies: Cookie[];
}

// Accounts shared by the tests of one file (per worker process, which runs files in turn).
const accountsByFile = new Map<string, SharedAccount>();

/**
 * Every test fails on a browser console error it did not announce with `allowConsoleError`:
 * a silent error in the page is a bug waiting.
 */
export const test = base.extend<Fixtures>({
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
  shareAccountInFile: [false, { option: true }],
  account: async ({ page, shareAccountInFile }, use, testInfo) => {
    const shared = shareAccountInFile ? accountsByFile.get(testInfo.file) : undefined;
    if (shared) {
      await page.context().addCookies(shared.sessionCookies);
      if (!(await hasSession(page))) {
        await signInDirectly(page, shared.account);
        shared.sessionCookies = await sessionCookiesOf(page);
      }
      await use(shared.account);
      return;
    }
    const account = newAccount();
    await signUpDirectly(page, account);
    if (shareAccountInFile) {
      accountsByFile.set(testInfo.file, { account, sessionCookies: await sessionCookiesOf(page) });
    }
    await use(account);
  },
});

export { expect };

function randomVisitorIp() {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

/** Visits with the theme saved as the theme control saves it (the cookie the server reads). */
export async function useSavedTheme(page: Page, theme: "light" | "dark" | "system") {
  const url = test.info().project.use.baseURL ?? "";
  await page.context().addCookies([{ name: "theme", value: theme, url }]);
}

/** True when the page is wider than the window, so it scrolls sideways. */
export function scrollsSideways(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
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

/** Details for an account nobody has signed up with yet. */
export function newAccount(label = "e2e"): Account {
  return { name: "Robin", email: uniqueEmail(label), password: "a long enough password" };
}

/** Another browser, as another visitor (its own address) would bring. */
export function newVisitorContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({
    ...options,
    extraHTTPHeaders: { "cf-connecting-ip": randomVisitorIp(), ...options.extraHTTPHeaders },
  });
}

/**
 * A POST from the page's own request context, with the Origin header the browser sends on
 * every POST from the app's pages (Better Auth refuses cookie-carrying POSTs without one).
 * Cookies the server sets land in the page's browser context.
 */
function postFromPage(page: Page, path: string, data: unknown) {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  return page.request.post(path, { headers: { origin }, data });
}

/**
 * Wrong passwords for `email`, each from a new address (so no per-address limit is met), until
 * the account's own password budget refuses one.
 */
export async function guessFromManyAddresses(page: Page, email: string) {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  // The limiter's windows are fixed minutes: within two budgets' worth a refusal is certain.
  for (let guess = 0; guess <= 20; guess++) {
    const response = await page.request.post("/api/auth/sign-in/email", {
      headers: { origin, "cf-connecting-ip": randomVisitorIp() },
      data: { email, password: `guess ${guess}!!` },
    });
    if (response.status() === 429) return;
  }
  throw new Error(`no refusal for ${email} after 21 guesses`);
}

/**
 * Signs `account` up as the sign-up page does, without confirming it.
 */
export async function registerDirectly(page: Page, account: Account) {
  const response = await postFromPage(page, "/api/auth/sign-up/email", {
    ...account,
    callbackURL: "/sign-in",
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** The token in the newest confirmation mail to `email`, once the dev mailbox has it. */
export async function mailedConfirmationToken(page: Page, email: string) {
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await postFromPage(page, "/rpc/devMailbox/list", {});
        expect(response.status()).toBe(200);
        const mails = ((await response.json()) as { json: DevMail[] }).json;
        const mail = mails.find(
          (each) => each.recipient === email && each.subject === "Confirm your email for Checkmark",
        );
        const link = mail?.body.match(/https?:\/\/\S+\/confirm-email\?\S+/)?.[0];
        token = link ? (new URL(link).searchParams.get("token") ?? undefined) : undefined;
        return token;
      },
      { message: `a confirmation mail to ${email} in the dev mailbox` },
    )
    .toBeTruthy();
  return token ?? "";
}

interface DevMail {
  recipient: string;
  subject: string;
  body: string;
}

/**
 * A new account, signed up and confirmed through the app's own endpoints (sign-up, the mailed
 * token from the dev mailbox, confirm-email with the password): the session cookie the
 * confirmation sets lands in the page's browser context, as after the real flow.
 */
export async function signUpDirectly(page: Page, account: Account) {
  await registerDirectly(page, account);
  const token = await mailedConfirmationToken(page, account.email);
  const confirmed = await postFromPage(page, "/api/auth/confirm-email", {
    token,
    password: account.password,
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
}

/** A new confirmed account (made directly), signed in on /todos with the page hydrated. */
export async function signUp(page: Page, account: Account) {
  await signUpDirectly(page, account);
  await open(page, "/todos");
}

/** A confirmed account made in a browser of its own, so this test's browser stays signed out. */
export async function accountMadeElsewhere(browser: Browser, account = newAccount()) {
  const elsewhere = await newVisitorContext(browser);
  await signUpDirectly(await elsewhere.newPage(), account);
  await elsewhere.close();
  return account;
}

/** What an operator does for the first admin: the README's grant-admin command. */
export function grantAdmin(email: string) {
  // The README's admin:create command, which promotes an existing account.
  execFileSync(
    "bash",
    [join(import.meta.dirname, "../../../scripts/admin-create.sh"), "--email", email],
    {
      env: { ...process.env, CHECKMARK_STATE_DIR: process.env.E2E_STATE_DIR },
      stdio: "pipe",
    },
  );
}

/** Better Auth's session cookies the page's browser holds (not its theme or other choices). */
async function sessionCookiesOf(page: Page) {
  return (await page.context().cookies()).filter((cookie) => cookie.name.includes("session_"));
}

/** Whether the page's browser is signed in, as the app's session read sees it. */
async function hasSession(page: Page) {
  const response = await page.request.get("/api/auth/get-session");
  return response.ok() && (await response.json()) !== null;
}

/** Signs in as the sign-in page does; the session cookie lands in the page's context. */
export async function signInDirectly(page: Page, account: Account) {
  const response = await postFromPage(page, "/api/auth/sign-in/email", {
    email: account.email,
    password: account.password,
  });
  expect(response.status(), await response.text()).toBe(200);
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

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

export async function fillSignIn(page: Page, user: { email: string; password: string }) {
  await open(page, "/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
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

/** A PNG signature and a few bytes: the server checks a file's content, not its name. */
export const TINY_PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8,
]);
