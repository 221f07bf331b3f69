import { expect, open, signInDirectly, test } from "./fixtures";

test.use({ shareAccountInFile: true });

test("adding and deleting a todo is confirmed in a toast that screen readers announce, and Undo brings it back", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/todos");
  await page.getByLabel("New todo").fill("Post the letter");
  await page.getByRole("button", { name: "Add" }).click();

  // Toasts live in a polite live region, so they are read out as they appear.
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toHaveAttribute("aria-live", "polite");
  await expect(notifications).toContainText("Todo added.");
  // Styled by sonner's own stylesheet, which the page's CSP lets in by its hash.
  await expect(notifications.getByRole("listitem")).toHaveCSS("position", "absolute");

  await page.getByRole("button", { name: "Delete “Post the letter”" }).click();
  await expect(notifications).toContainText("Deleted “Post the letter”.");
  await expect(page.getByRole("checkbox", { name: "Post the letter" })).toHaveCount(0);

  // A single delete can be undone like "Clear completed", and the todo stays back.
  await notifications.getByRole("button", { name: "Undo" }).click();
  await expect(notifications).toContainText("Brought back 1 todo.");
  await expect(page.getByRole("checkbox", { name: "Post the letter" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Post the letter" })).toBeVisible();
});

test("a todo the server does not save is reported in a toast, and its text stays in the box", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 500/);
  await open(page, "/todos");
  await page.route("**/rpc/todo/create", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({
        json: { defined: false, code: "INTERNAL_SERVER_ERROR", status: 500 },
      }),
    }),
  );
  await page.getByLabel("New todo").fill("Fix the gate");
  await page.getByRole("button", { name: "Add" }).click();

  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText(
    "Your todo was not saved. Check your connection and try again.",
  );
  await expect(page.getByLabel("New todo")).toHaveValue("Fix the gate");
  await expect(page.getByRole("checkbox", { name: "Fix the gate" })).toHaveCount(0);
});

test("an Undo the server refuses says so and offers Undo again, which brings the todo back", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 429|ERR_FAILED/);
  await open(page, "/todos");
  await page.getByLabel("New todo").fill("Renew the passport");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Renew the passport" })).toBeEnabled();
  await page.getByRole("button", { name: "Delete “Renew the passport”" }).click();
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toContainText("Deleted “Renew the passport”.");

  // The bulk-write budget (ADR 138) is spent: the first Undo is refused.
  await page.route("**/rpc/todo/restore", (route) =>
    route.fulfill({
      status: 429,
      contentType: "application/json",
      body: JSON.stringify({
        json: {
          defined: true,
          code: "TOO_MANY_REQUESTS",
          status: 429,
          message:
            "Too many changes to many todos at once, so they were not brought back yet. Deleted todos are kept for a day: wait a minute, then Undo again.",
          data: { retryAfterSeconds: 60 },
        },
      }),
    }),
  );
  await notifications.getByRole("button", { name: "Undo" }).click();
  const refused = notifications
    .getByRole("listitem")
    .filter({ hasText: /so they were not brought back yet/ });
  await expect(refused).toContainText("Deleted todos are kept for a day");
  await expect(page.getByRole("checkbox", { name: "Renew the passport" })).toHaveCount(0);

  // A dropped connection says the same, in its own words, and offers Undo again too.
  await page.unroute("**/rpc/todo/restore");
  await page.route("**/rpc/todo/restore", (route) => route.abort());
  await refused.getByRole("button", { name: "Undo" }).click();
  const dropped = notifications
    .getByRole("listitem")
    .filter({ hasText: /Not brought back yet\. Check your connection/ });
  await expect(dropped).toContainText("Check your connection and try again.");
  await expect(page.getByRole("checkbox", { name: "Renew the passport" })).toHaveCount(0);

  await page.unroute("**/rpc/todo/restore");
  await dropped.getByRole("button", { name: "Undo" }).click();
  await expect(notifications).toContainText("Brought back 1 todo.");
  await expect(page.getByRole("checkbox", { name: "Renew the passport" })).toBeVisible();
});

test("a todo sent after the session ended keeps its text, and the toast says how to sign in without losing it", async ({
  page,
  account,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 401/);
  await open(page, "/todos");
  await page.getByLabel("New todo").fill("Email the landlord");
  // The session ends while the user types (here: its cookie goes).
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText(
    "Your session has ended. Sign in again in another tab, then try again here.",
  );
  await expect(page.getByLabel("New todo")).toHaveValue("Email the landlord");

  // Signed in again beside it, the same page sends what was typed.
  const beside = await page.context().newPage();
  await signInDirectly(beside, account);
  await beside.close();
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Email the landlord" })).toBeEnabled();
});

test("a toast has a named close button that closes it at once; untouched, it goes by itself", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/todos");
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await page.getByLabel("New todo").fill("Close me");
  await page.getByRole("button", { name: "Add" }).click();
  const toast = notifications.getByRole("listitem").filter({ hasText: "Todo added." });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss notification" }).click();
  // Well before sonner's own 4 s, so it is the button that closed it.
  await expect(toast).toHaveCount(0, { timeout: 1_500 });

  // Left alone, a toast still dismisses itself (sonner's few seconds).
  await page.getByLabel("New todo").fill("Leave me");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(toast).toBeVisible();
  await expect(toast).toHaveCount(0, { timeout: 15_000 });
});

test.describe("on a touch phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("a toast's close button takes taps over at least 44 × 44 px", async ({
    page,
    account: _signedIn,
  }) => {
    await open(page, "/todos");
    await page.getByLabel("New todo").fill("Tap to close");
    await page.getByRole("button", { name: "Add" }).click();
    const notifications = page.getByRole("region", { name: /^Notifications/ });
    const close = notifications.getByRole("button", { name: "Dismiss notification" });
    // Measured once the toast has slid into place and holds still.
    await close.tap({ trial: true });
    const box = await close.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    // Wholly on the screen, and a tap near its edge closes the toast.
    expect(box?.x).toBeGreaterThanOrEqual(0);
    if (!box) throw new Error("the close button has no box");
    await close.tap({ position: { x: 4, y: box.height - 4 } });
    // Well before sonner's own 4 s, so it is the tap that closed it.
    await expect(notifications.getByText("Todo added.")).toHaveCount(0, { timeout: 1_500 });
  });
});
