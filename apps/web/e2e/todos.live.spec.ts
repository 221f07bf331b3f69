import { expect, open, signUp, test, uniqueEmail } from "./fixtures";

test("a todo added in one tab shows up in the user's other tab without a reload", async ({
  page,
  context,
}) => {
  await signUp(page, { name: "Tab", email: uniqueEmail("live"), password: "live password 1" });
  const other = await context.newPage();
  await open(other, "/todos");
  await expect(other.locator("html[data-live=open]")).toHaveCount(1);
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);

  await page.getByLabel("New todo").fill("Shared across tabs");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(other.getByRole("checkbox", { name: "Shared across tabs" })).toBeVisible({
    timeout: 1_000,
  });

  await other.getByRole("checkbox", { name: "Shared across tabs" }).check();
  await expect(page.getByRole("checkbox", { name: "Shared across tabs" })).toBeChecked({
    timeout: 1_000,
  });
});
