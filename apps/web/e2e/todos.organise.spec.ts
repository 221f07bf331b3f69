import type { Page, TestInfo } from "@playwright/test";
import { expect, open, scrollsSideways, test, useSavedTheme } from "./fixtures";

// One user for the file; each test writes todos with a tag of its own, so none depends on
// another's.
test.use({ shareAccountInFile: true });

const tagged = () => `t${crypto.randomUUID().slice(0, 6)}`;

async function addTodo(page: Page, text: string, dueDate?: string) {
  await page.getByLabel("New todo").fill(text);
  if (dueDate) await page.getByLabel("Due date (optional)").fill(dueDate);
  await page.getByRole("button", { name: "Add" }).click();
  // Saved once the server answers: until then the row cannot be changed.
  await expect(page.getByRole("checkbox", { name: text })).toBeEnabled();
}

/** The rows the list shows, by their text. */
const rows = (page: Page) => page.getByRole("list", { name: "Todos" }).getByTestId("todo-item");

test("a filtered view lives in the URL: it survives a reload and shows the server's counts", async ({
  page,
  account: _signedIn,
}) => {
  const tag = tagged();
  await open(page, "/todos");
  await addTodo(page, `Buy stamps ${tag}`);
  await addTodo(page, `Buy bread ${tag}`);
  await addTodo(page, `Call the bank ${tag}`);
  await page.getByRole("checkbox", { name: `Buy bread ${tag}` }).check();

  // Typing searches once typing pauses; the tabs count what matches, per status.
  await page.getByRole("searchbox", { name: "Search todos" }).fill(`buy stamps ${tag}`);
  await expect(page).toHaveURL(/[?&]q=buy/);
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search todos" }).fill(tag);
  await expect(rows(page)).toHaveCount(3);
  const views = page.getByRole("navigation", { name: "Show todos" });
  await expect(views.getByRole("link", { name: "All 3" })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "Active 2" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole("checkbox", { name: `Buy bread ${tag}` })).toHaveCount(0);

  // Reloaded (or opened from a shared link), the page renders the same view on the server.
  const reloaded = await page.reload();
  expect(await reloaded?.text()).toContain(`Call the bank ${tag}`);
  await expect(page.getByRole("searchbox", { name: "Search todos" })).toHaveValue(tag);
  await expect(views.getByRole("link", { name: "Active 2" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(rows(page)).toHaveText([`Call the bank ${tag}`, `Buy stamps ${tag}`].map(rowText));

  await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(rows(page)).toHaveText([`Buy stamps ${tag}`, `Call the bank ${tag}`].map(rowText));

  // An empty view says why and offers the way back.
  await open(page, `/todos?q=nothing-like-${tag}`);
  await expect(
    page.getByRole("heading", { name: `Nothing matches “nothing-like-${tag}”` }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expect(page).toHaveURL(/\/todos$/);
  await expect(page.getByRole("checkbox", { name: `Buy stamps ${tag}` })).toBeVisible();
});

/** A row's text as the list shows it (its attachment line follows the todo's text). */
const rowText = (text: string) => new RegExp(`^${text}`);

test("a todo is edited in place, and a passed due date shows as overdue", async ({
  page,
  account: _signedIn,
}, testInfo) => {
  const tag = tagged();
  await open(page, "/todos");
  await addTodo(page, `Pay rent ${tag}`);

  // The Edit button opens the text for editing; Enter saves.
  await page.getByRole("button", { name: `Edit “Pay rent ${tag}”` }).click();
  const field = page.getByRole("textbox", { name: `Edit “Pay rent ${tag}”` });
  await expect(field).toBeFocused();
  await field.fill(`Pay the rent ${tag}`);
  await field.press("Enter");
  await expect(page.getByRole("checkbox", { name: `Pay the rent ${tag}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Edit “Pay the rent ${tag}”` })).toBeFocused();

  // Double-clicking the text edits too; Escape leaves it as it was.
  await page.getByText(`Pay the rent ${tag}`, { exact: true }).dblclick();
  await page.getByRole("textbox", { name: `Edit “Pay the rent ${tag}”` }).fill("Something else");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: `Pay the rent ${tag}` })).toBeVisible();

  // An empty text is refused where it is typed.
  await page.getByRole("button", { name: `Edit “Pay the rent ${tag}”` }).click();
  await page.getByRole("textbox", { name: `Edit “Pay the rent ${tag}”` }).fill(" ");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Write something to do.")).toBeVisible();

  // A due date in the past is marked overdue; clearing it removes the mark.
  await page
    .getByRole("textbox", { name: `Edit “Pay the rent ${tag}”` })
    .fill(`Pay the rent ${tag}`);
  await page.getByLabel(`Due date of “Pay the rent ${tag}”`).fill("2020-03-01");
  await page.getByRole("button", { name: "Save" }).click();
  const row = rows(page).filter({ hasText: `Pay the rent ${tag}` });
  await expect(row).toContainText("Overdue · 1 Mar 2020");
  await page.reload();
  await expect(row).toContainText(`Pay the rent ${tag}`);
  await expect(row).toContainText("Overdue · 1 Mar 2020");

  await screenshots(page, testInfo, "todos-edited");

  await open(page, "/todos");
  await page.getByRole("button", { name: `Edit “Pay the rent ${tag}”` }).click();
  await page.getByRole("button", { name: "Clear the due date" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(row).not.toContainText("Overdue");
  await page.reload();
  await expect(row).toContainText(`Pay the rent ${tag}`);
  await expect(row).not.toContainText("Overdue");
});

test("clearing completed todos can be undone from the toast", async ({
  page,
  account: _signedIn,
}) => {
  const tag = tagged();
  await open(page, "/todos");
  await addTodo(page, `Return the books ${tag}`);
  await addTodo(page, `Water the fern ${tag}`);
  await page.getByRole("checkbox", { name: `Return the books ${tag}` }).check();

  await page.getByRole("button", { name: /^Clear completed/ }).click();
  await expect(page.getByRole("checkbox", { name: `Return the books ${tag}` })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Water the fern ${tag}` })).toBeVisible();
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toContainText(/Cleared \d+ todos?\./);

  await notifications.getByRole("button", { name: "Undo" }).click();
  await expect(notifications).toContainText(/Brought back \d+ todos?\./);
  await expect(page.getByRole("checkbox", { name: `Return the books ${tag}` })).toBeChecked();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `Return the books ${tag}` })).toBeChecked();
});

test("a change the server refuses shows at once, then rolls back with the reason", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 404/);
  const tag = tagged();
  await open(page, "/todos");
  await addTodo(page, `Fix the bike ${tag}`);
  const todo = page.getByRole("checkbox", { name: `Fix the bike ${tag}` });

  // The server answers only once the page has shown the change, and then refuses it, as it
  // does for a todo deleted meanwhile in another tab.
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await page.route(/\/rpc\/todo\/(toggle|update)$/, async (route) => {
    await answered;
    await route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({
        json: {
          defined: true,
          code: "NOT_FOUND",
          status: 404,
          message: "That todo does not exist.",
        },
      }),
    });
  });

  await todo.check();
  await expect(todo).toBeChecked();
  answer();
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toContainText("That todo does not exist.");
  await expect(todo).not.toBeChecked();

  await page.getByRole("button", { name: `Edit “Fix the bike ${tag}”` }).click();
  await page
    .getByRole("textbox", { name: `Edit “Fix the bike ${tag}”` })
    .fill(`Sell the bike ${tag}`);
  await page.keyboard.press("Enter");
  await expect(notifications.getByText("That todo does not exist.")).toHaveCount(2);
  // The edit is not lost: the form stays open with what was typed, to save once it can be.
  const field = page.getByRole("textbox", { name: `Edit “Fix the bike ${tag}”` });
  await expect(field).toHaveValue(`Sell the bike ${tag}`);
  await expect(page.getByRole("checkbox", { name: `Sell the bike ${tag}` })).toHaveCount(0);
  await page.unroute(/\/rpc\/todo\/(toggle|update)$/);
  await field.press("Enter");
  await expect(page.getByRole("checkbox", { name: `Sell the bike ${tag}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `Sell the bike ${tag}` })).toBeVisible();
});

/** Calls a procedure with this page's session, as another tab or a script would. */
async function callElsewhere(page: Page, path: string, input: unknown) {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const response = await page.request.post(`/rpc/${path}`, {
    headers: { origin },
    data: { json: input },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { json: unknown }).json;
}

test("an edit made in a form opened before another tab's change is refused, and keeps what was typed", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 409/);
  const tag = tagged();
  await open(page, "/todos");
  await addTodo(page, `Book the hall ${tag}`);
  await page.getByRole("button", { name: `Edit “Book the hall ${tag}”` }).click();
  const field = page.getByRole("textbox", { name: `Edit “Book the hall ${tag}”` });
  await field.fill(`Book the big hall ${tag}`);

  // Meanwhile another tab renames it.
  const list = (await callElsewhere(page, "todo/list", {
    q: tag,
    status: "all",
    sort: "newest",
    limit: 50,
  })) as { items: { id: string }[] };
  const id = list.items[0]?.id;
  await callElsewhere(page, "todo/update", { id, text: `Book the small hall ${tag}` });

  // The form stays open as the list refetches (its label follows the list's text).
  const stillOpen = page.getByRole("textbox", { name: /^Edit “Book the/ });
  await stillOpen.press("Enter");
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toContainText("changed somewhere else since you opened it");
  await expect(stillOpen).toHaveValue(`Book the big hall ${tag}`);
  await expect(page.getByText(/Save again to replace it/)).toBeVisible();

  // Saving again, knowingly, replaces the other tab's version.
  await stillOpen.press("Enter");
  await expect(page.getByRole("checkbox", { name: `Book the big hall ${tag}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `Book the big hall ${tag}` })).toBeVisible();
});

/** The page at a phone's and a desktop's size in both themes, kept with the test's results. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  const sizes = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } };
  for (const theme of ["light", "dark"] as const) {
    await useSavedTheme(page, theme);
    for (const [size, viewport] of Object.entries(sizes)) {
      await page.setViewportSize(viewport);
      await open(page, page.url());
      expect(await scrollsSideways(page), `${name} on a ${size} (${theme})`).toBe(false);
      await testInfo.attach(`${name}-${size}-${theme}`, {
        body: await page.screenshot({
          path: testInfo.outputPath("screenshots", `${name}-${size}-${theme}.png`),
          fullPage: true,
        }),
        contentType: "image/png",
      });
    }
  }
}
