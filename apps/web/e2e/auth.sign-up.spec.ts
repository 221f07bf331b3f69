import {
  confirmEmail,
  expect,
  newAccount,
  open,
  signOut,
  submitSignUp,
  test,
  waitForHydration,
} from "./fixtures";

test("a visitor signs up, confirms the mailed link with their password and lands on their todos", async ({
  page,
}) => {
  const account = newAccount("signup");
  await submitSignUp(page, account);
  await expect(page.getByText(account.email)).toBeVisible();

  // Not signed in until the address is confirmed.
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);

  await confirmEmail(page, account.email, account.password);
  await expect(page).toHaveURL(/\/todos$/);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "Your todos" })).toBeVisible();
  await expect(page.getByText(`Hello ${account.name}.`)).toBeVisible();

  // The link works for a day, but once used it signs nobody in (that would skip two-factor).
  await signOut(page);
  await confirmEmail(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Already confirmed" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);
});
