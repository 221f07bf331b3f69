import type { Locator, Page } from "@playwright/test";
import { expect, open, test, waitForHydration } from "./fixtures";

/** The outline keyboard focus draws on `element`, as the browser paints it. */
const outlineOf = (element: Locator) =>
  element.evaluate((node) => {
    const style = getComputedStyle(node);
    return style.outlineStyle === "none" ? "none" : `${style.outlineStyle} ${style.outlineWidth}`;
  });

/** Presses Tab until `control` has focus, at most `most` times, failing if it never does. */
async function tabTo(page: Page, control: Locator, name: string, most = 1) {
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press("Tab");
    if (await control.evaluate((node) => node === document.activeElement)) return;
  }
  await expect(control, `${name} within ${most} presses of Tab`).toBeFocused({ timeout: 1 });
}

test("a signed-in user reaches every control with the keyboard and always sees where focus is", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/todos");
  // One todo already, so the list's search, views and sort are there to reach (an empty list
  // shows none of them).
  await waitForHydration(page);
  await page.getByLabel("New todo").fill("Pay the rent");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: "Pay the rent" })).toBeEnabled();
  await page.reload();
  const nav = page.getByRole("navigation", { name: "Main" });
  const theme = page.getByRole("combobox", { name: "Theme" });
  const inOrder: [string, Locator, Locator?][] = [
    ["skip link", page.getByRole("link", { name: "Skip to content" })],
    ["home link", page.getByRole("link", { name: "Checkmark" })],
    ["Todos", nav.getByRole("link", { name: "Todos" })],
    ["Agenda", nav.getByRole("link", { name: "Agenda" })],
    ["Settings", nav.getByRole("link", { name: "Settings" })],
    // The select itself is see-through; its frame draws the ring.
    ["theme", theme, theme.locator("..")],
    ["sign out", page.getByRole("button", { name: "Sign out" })],
    ["new todo", page.getByLabel("New todo")],
    ["due date", page.getByLabel("Due date (optional)")],
    ["add", page.getByRole("button", { name: "Add" })],
    ["search", page.getByRole("searchbox", { name: "Search todos" })],
    ["all todos", page.getByRole("link", { name: /^All/ })],
    ["active todos", page.getByRole("link", { name: /^Active/ })],
    ["completed todos", page.getByRole("link", { name: /^Completed/ })],
    ["sort", page.getByRole("combobox", { name: "Sort" })],
  ];
  for (const [name, control, ring = control] of inOrder) {
    // Past the due date's three parts (month, day, year) and its calendar button, Add comes.
    await tabTo(page, control, name, name === "add" ? 4 : 1);
    await expect(control, name).toBeVisible();
    expect(await outlineOf(ring), `focus ring on ${name}`).toBe("solid 2px");
  }

  // The skip link jumps straight to the page's content.
  await page.reload();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("New todo")).toBeFocused();

  // A todo is added, checked and deleted without the mouse.
  await page.keyboard.type("Call the bank");
  await page.keyboard.press("Enter");
  const todo = page.getByRole("checkbox", { name: "Call the bank" });
  // Shown at once; it takes focus once the server has saved it.
  await expect(todo).toBeEnabled();
  await tabTo(page, todo, "the new todo, past the add button and the filters", 11);
  // While the server has not answered yet, focus must stay put (a disabled box would drop it).
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await page.route("**/rpc/todo/toggle", async (route) => {
    await answered;
    await route.continue();
  });
  await page.keyboard.press("Space");
  await expect(todo).toBeChecked();
  await expect(todo).toBeFocused();
  // Then the row's paperclip (a hidden file input, whose label draws the ring), Edit, Delete.
  await page.keyboard.press("Tab");
  const attach = page.getByLabel("Attach a file to “Call the bank”");
  await expect(attach).toBeFocused();
  expect(await outlineOf(attach.locator("..")), "focus ring on attach").toBe("solid 2px");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Edit “Call the bank”" })).toBeFocused();
  await page.keyboard.press("Tab");
  const remove = page.getByRole("button", { name: "Delete “Call the bank”" });
  await expect(remove).toBeFocused();
  answer();
  await expect(todo).not.toHaveAttribute("aria-disabled");
  await expect(todo).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(todo).toHaveCount(0);
  // Focus is not lost with the row: it moves to the next todo, and once the last one is gone,
  // back to where the next todo is written.
  const next = page.getByRole("checkbox", { name: "Pay the rent" });
  await expect(next).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Delete “Pay the rent”" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(next).toHaveCount(0);
  await expect(page.getByLabel("New todo")).toBeFocused();
});
