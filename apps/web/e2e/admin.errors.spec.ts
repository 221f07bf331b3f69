import { expect, grantAdmin, open, test, throwInPage } from "./fixtures";

test("an admin reads the errors browsers reported; nobody else can", async ({
  page,
  account,
  allowConsoleError,
}) => {
  await open(page, "/todos");

  // A visitor's page fails; the browser reports it.
  allowConsoleError(/Checkmark admin e2e/);
  const message = `Checkmark admin e2e ${crypto.randomUUID()}`;
  const report = await throwInPage(page, message);
  expect((await report.response())?.status()).toBe(202);

  // Not an admin yet: no link, and the page does not exist.
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  allowConsoleError(/status of 404/);
  const refused = await page.goto("/admin/errors");
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();

  grantAdmin(account.email);
  // Sessions are read from D1 on every request, so the new role shows on the next page.
  await open(page, "/todos");

  await page.getByRole("link", { name: "Admin" }).click();
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Errors" })
    .click();
  await expect(page.getByRole("heading", { name: "Browser errors" })).toBeVisible();
  const entry = page.getByRole("article", { name: message });
  await expect(entry).toBeVisible();
  await expect(entry.getByText(/\/todos|\/$/)).toBeVisible();
});
