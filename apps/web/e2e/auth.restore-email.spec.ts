import type { Page } from "@playwright/test";
// The same RFC 6238 computation an authenticator app makes, shared with the workerd tests.
import { totpCode } from "../../server/test/totp";
import { expectNoSeriousA11yViolations } from "./accessibility";
import {
  type Account,
  expect,
  followMailedLink,
  test,
  uniqueEmail,
  waitForHydration,
} from "./fixtures";

// The "this wasn't me" link mailed to the old address after an email change (ADR 076, ADR 135).

function post(page: Page, path: string, data: unknown) {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  return page.request.post(path, { headers: { origin }, data });
}

/** Two-factor on, as settings does it: the password, then a code from the app. */
async function turnOnTwoFactor(page: Page, account: Account) {
  const enable = await post(page, "/api/auth/two-factor/enable", { password: account.password });
  expect(enable.status()).toBe(200);
  const { totpURI } = (await enable.json()) as { totpURI: string };
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  const verify = await post(page, "/api/auth/two-factor/verify-totp", {
    code: await totpCode(secret),
  });
  expect(verify.status()).toBe(200);
  return secret;
}

/** Moves the account to a new address and opens the restore link the old one then gets. */
async function moveAndOpenRestoreLink(page: Page, account: Account) {
  const newEmail = uniqueEmail("moved");
  const change = await post(page, "/rpc/account/changeEmail", {
    json: { newEmail, password: account.password },
  });
  expect(change.status()).toBe(200);
  await followMailedLink(page, newEmail, "Confirm your new email for Checkmark");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByText(`Done: you now sign in with ${newEmail}`)).toBeVisible();
  await followMailedLink(page, account.email, "Your Checkmark email was changed");
  await expect(page).toHaveURL(/\/restore-email\?token=/);
  await waitForHydration(page);
}

const RESTORE = "Restore my email and sign out everywhere";

test("without two-factor, the old address's link restores it on one press", async ({
  page,
  account,
}) => {
  await moveAndOpenRestoreLink(page, account);
  await page.getByRole("button", { name: RESTORE }).click();
  await expect(page.getByRole("status")).toContainText(
    `Your account signs in with ${account.email} again.`,
  );
  await expect(page.getByRole("status")).toContainText("Two-step sign-in is off");
});

test("with two-factor on, the link asks for a code from the app and keeps two-factor", async ({
  page,
  account,
  allowConsoleError,
}) => {
  // The first press answers 403 (a code is needed), the wrong code 400.
  allowConsoleError(/status of 40[03]/);
  const secret = await turnOnTwoFactor(page, account);
  await moveAndOpenRestoreLink(page, account);
  await page.getByRole("button", { name: RESTORE }).click();
  await expect(
    page.getByText(
      "This account has two-step sign-in on. Enter a code from your authenticator app, or one of your backup codes.",
    ),
  ).toBeVisible();
  await expect(page.getByText(/contact Checkmark support/)).toBeVisible();

  const code = page.getByLabel("Code from your app, or a backup code");
  await code.fill("not-a-backup-code");
  await page.getByRole("button", { name: RESTORE }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "the restore page asking for a code");

  // The current step's code turned two-factor on; the next one is accepted (clock drift).
  await code.fill(await totpCode(secret, 1));
  await page.getByRole("button", { name: RESTORE }).click();
  await expect(page.getByRole("status")).toContainText(
    `Your account signs in with ${account.email} again.`,
  );
  await expect(page.getByRole("status")).toContainText("Two-step sign-in stays on");
});
