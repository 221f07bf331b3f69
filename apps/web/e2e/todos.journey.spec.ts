import {
  expect,
  fillSignIn,
  newAccount,
  newVisitorContext,
  open,
  signOut,
  signUpDirectly,
  test,
  waitForHydration,
} from "./fixtures";

test("a user keeps their todos across reloads and sign-ins", async ({ page, browser, account }) => {
  await open(page, "/todos");
  await expect(page.getByRole("heading", { name: "Your todos" })).toBeVisible();
  await expect(page.getByText("Nothing on your list yet.")).toBeVisible();

  // Only spaces: refused at the field, by the server's rule (loaded with the first send), and
  // checked again as the text changes.
  const newTodo = page.getByLabel("New todo");
  await newTodo.fill("   ");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(newTodo).toHaveAccessibleDescription("Write something to do.");
  await expect(newTodo).toHaveAttribute("aria-invalid", "true");
  await newTodo.fill("x".repeat(501));
  await expect(newTodo).toHaveAccessibleDescription("Keep it under 500 characters.");
  await expect(page.getByRole("list", { name: "Todos" })).toHaveCount(0);

  for (const text of ["Buy oat milk", "Call the plumber"]) {
    await page.getByLabel("New todo").fill(text);
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByRole("checkbox", { name: text })).toBeVisible();
  }
  await expect(page.getByLabel("New todo")).toHaveValue("");

  await page.getByRole("checkbox", { name: "Buy oat milk" }).check();
  await expect(page.getByText("1 of 2 still to do.")).toBeVisible();

  // The page is rendered for this user alone: no browser or shared cache may keep it.
  const reloaded = await page.reload();
  expect(reloaded?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("checkbox", { name: "Buy oat milk" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Call the plumber" })).not.toBeChecked();

  // Server-rendered: a browser with JavaScript off, holding the same session, sees both.
  const noScript = await newVisitorContext(browser, {
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const staticPage = await noScript.newPage();
  await staticPage.goto("/todos");
  await expect(staticPage.getByRole("checkbox", { name: "Buy oat milk" })).toBeChecked();
  await expect(staticPage.getByRole("checkbox", { name: "Call the plumber" })).toBeVisible();
  await noScript.close();

  await waitForHydration(page);
  await signOut(page);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);

  await fillSignIn(page, account);
  await expect(page).toHaveURL(/\/todos$/);
  await waitForHydration(page);
  await expect(page.getByRole("checkbox", { name: "Buy oat milk" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Call the plumber" })).not.toBeChecked();

  await page.getByRole("button", { name: "Delete “Call the plumber”" }).click();
  await expect(page.getByRole("checkbox", { name: "Call the plumber" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Call the plumber" })).toHaveCount(0);
});

test("another user sees none of your todos", async ({ page, browser, account }) => {
  await open(page, "/todos");
  await expect(page.getByText(`Hello ${account.name}.`)).toBeVisible();
  await page.getByLabel("New todo").fill("Private plans");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Private plans" })).toBeVisible();

  const other = await newVisitorContext(browser);
  const otherPage = await other.newPage();
  await signUpDirectly(otherPage, newAccount("other"));
  await open(otherPage, "/todos");
  await expect(otherPage.getByText("Nothing on your list yet.")).toBeVisible();
  await expect(otherPage.getByText("Private plans")).toHaveCount(0);
  await other.close();
});
