import { readFile } from "node:fs/promises";
import { expect, fillSignIn, newAccount, open, signUp, test } from "./fixtures";

test("a user downloads their data, then deletes the account and can no longer sign in", async ({
  page,
  allowConsoleError,
}) => {
  // The refused export (429), deletion (400) and sign-in (401) are expected.
  allowConsoleError(/status of 4(0[01]|29)/);
  const account = newAccount("leaving");
  await signUp(page, account);
  const text = `Return the library books ${crypto.randomUUID().slice(0, 4)}`;
  await page.getByLabel("New todo").fill(text);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: text })).toBeVisible();

  await open(page, "/settings");
  const yourData = page.getByRole("region", { name: "Your data" });
  const downloading = page.waitForEvent("download");
  await yourData.getByRole("link", { name: "Download your data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^checkmark-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(exported.profile.email).toBe(account.email);
  expect(exported.todos).toEqual([expect.objectContaining({ text })]);

  const ics = page.waitForEvent("download");
  await yourData.getByRole("link", { name: "Download your events (.ics)" }).click();
  expect((await ics).suggestedFilename()).toMatch(/^checkmark-events-\d{4}-\d{2}-\d{2}\.ics$/);
  // Exports share a budget of 5 a minute, counted in fixed windows (a new one may start within
  // the loop): past it the page says why, rather than a failed entry in the browser's downloads.
  const refused = yourData.getByRole("alert").filter({ hasText: /Too many exports/ });
  for (let clicks = 0; clicks < 11 && !(await refused.isVisible()); clicks++) {
    const answered = Promise.race([page.waitForEvent("download"), refused.waitFor()]);
    await yourData.getByRole("link", { name: "Download your data (JSON)" }).click();
    await answered;
  }
  await expect(refused).toBeVisible();

  // A wrong confirmation is refused and nothing happens.
  await yourData.getByLabel("Your email").fill("someone-else@example.com");
  await yourData.getByLabel("Your password").fill(account.password);
  await yourData.getByRole("button", { name: "Delete my account" }).click();
  await expect(
    yourData.getByRole("alert").filter({ hasText: /Type your email exactly/ }),
  ).toBeVisible();

  await yourData.getByLabel("Your email").fill(account.email);
  await yourData.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);

  await fillSignIn(page, account);
  await expect(page.getByRole("alert")).toHaveText(/do not match/);
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);
});
