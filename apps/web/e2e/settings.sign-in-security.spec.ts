import type { Page } from "@playwright/test";
// The same RFC 6238 computation an authenticator app makes, shared with the workerd tests.
import { totpCode } from "../../server/test/totp";
import {
  type Account,
  expect,
  newVisitorContext,
  open,
  signInDirectly,
  test,
  waitForHydration,
} from "./fixtures";

// One account for the file: devices and passkeys first, two-factor (which changes how the
// account signs in) last.
test.use({ shareAccountInFile: true });

const FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL("/");
}

async function signInWithPassword(page: Page, account: Account) {
  await open(page, "/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("the reminder setting says it was saved, and a reload shows it", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/settings");
  await waitForHydration(page);
  const remindMe = page.getByLabel("Remind me");
  await remindMe.selectOption({ label: "15 minutes before" });
  const saved = page.getByRole("status").filter({ hasText: /^Saved:/ });
  await expect(saved).toHaveText("Saved: a reminder 15 minutes before each event.");
  await page.reload();
  await expect(remindMe).toHaveValue("15");
  await remindMe.selectOption({ label: "Never (reminders off)" });
  await expect(saved).toHaveText("Saved: reminders are off.");
});

test("signing out another device from settings signs that browser out", async ({
  page,
  browser,
  account,
}) => {
  const phone = await newVisitorContext(browser, { userAgent: FIREFOX_ON_ANDROID });
  const phonePage = await phone.newPage();
  await signInDirectly(phonePage, account);
  await open(phonePage, "/todos");
  await expect(phonePage.getByRole("heading", { name: "Your todos" })).toBeVisible();

  await open(page, "/settings");
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByText("This device")).toBeVisible();
  await expect(devices.getByText("Firefox on Android phone")).toBeVisible();
  await page.getByRole("button", { name: "Sign out Firefox on Android phone" }).click();
  await expect(devices.getByText("Firefox on Android phone")).toHaveCount(0);

  // The phone's very next page load finds its session gone.
  await phonePage.reload();
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await phone.close();
});

test("device times show in the viewer's own zone, not the server's UTC", async ({
  browser,
  account,
}) => {
  // Auckland is 11 to 13 hours from UTC, so its clock never reads what a UTC one does.
  const zone = "Pacific/Auckland";
  const abroad = await newVisitorContext(browser, { timezoneId: zone });
  const page = await abroad.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signInDirectly(page, account);
  const signedIn = page.getByRole("list", { name: "Signed-in devices" }).locator("time").first();
  const expected = async () => {
    const iso = (await signedIn.getAttribute("datetime")) ?? "";
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(new Date(iso))
        .map((part) => [part.type, part.value]),
    );
    return `${parts.hour}:${parts.minute}`;
  };

  // The list loads in the browser after hydration, so this is the browser's formatting; times
  // the server renders in the viewer's zone are checked on /admin/users (admin.dashboard.spec).
  await open(page, "/settings");
  await expect(signedIn).toContainText(await expected());
  // The UTC time is there too, as its tooltip.
  await expect(signedIn).toHaveAttribute("title", / UTC$/);
  expect(errors).toEqual([]);
  await abroad.close();
});

test("a wrong current password refuses the change and keeps the new one typed", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 400/);
  await open(page, "/settings");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert")).toHaveText("That password is not right.");
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await expect(page.getByLabel("New password")).toHaveValue("a brand new password");
});

test("a passkey added in settings signs in without a password, and can be removed", async ({
  page,
  account,
}) => {
  // Chromium's virtual authenticator stands in for a fingerprint reader or phone.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("WebAuthn.enable");
  await devtools.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await open(page, "/settings");
  await page.getByLabel("Passkey name").fill("Test laptop");
  // A passkey outlives a password reset, so adding one takes the password, not only the session.
  await page
    .getByRole("region", { name: "Passkeys" })
    .getByLabel("Your password")
    .fill(account.password);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const passkeys = page.getByRole("list", { name: "Your passkeys" });
  await expect(passkeys.getByText("Test laptop")).toBeVisible();

  await signOut(page);
  await open(page, "/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL("/todos");

  await open(page, "/settings");
  await page.getByRole("button", { name: "Remove passkey Test laptop" }).click();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
});

test("two-factor sign-in turned on with a code from the shown key, then asked for at sign-in", async ({
  page,
  account,
}) => {
  await open(page, "/settings");
  await waitForHydration(page);
  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  // Called off before a code is checked, nothing is on: the card starts again.
  await twoFactor.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Turn on two-factor sign-in" })).toBeVisible();
  await twoFactor.getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(twoFactor.getByRole("button", { name: "Copy the key" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  await page.getByLabel("Code from your app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Check code and turn on" }).click();
  await expect(page.getByRole("list", { name: "Backup codes" }).getByRole("listitem")).toHaveCount(
    10,
  );
  await expect(twoFactor.getByRole("button", { name: "Copy the codes" })).toBeVisible();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, account);
  await expect(page).toHaveURL("/sign-in/two-factor");
  await waitForHydration(page);
  // The current step's code was used to turn it on; the next one is accepted (clock drift).
  await page.getByLabel("Code from your app").fill(await totpCode(secret, 1));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/todos");
});
