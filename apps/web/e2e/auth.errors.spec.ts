import { expect, fillSignIn, open, signOut, signUp, test, uniqueEmail } from "./fixtures";

test("sign-up explains each invalid field in words", async ({ page }) => {
  await open(page, "/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("signing up with a taken email says so", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 422/);
  const email = uniqueEmail("taken");
  await signUp(page, { name: "First", email, password: "first password" });
  await signOut(page);

  await open(page, "/sign-up");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("second password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toHaveText(/already exists/);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a wrong password is refused in words and signs no one in", async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 401/);
  const email = uniqueEmail("wrong");
  await signUp(page, { name: "Wrong", email, password: "the right password" });
  await signOut(page);

  await fillSignIn(page, { email, password: "not the password" });
  await expect(page.getByRole("alert")).toHaveText(/do not match/);
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);
});
