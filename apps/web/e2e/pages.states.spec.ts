import { expectNoSeriousA11yViolations } from "./accessibility";
import { expect, open, test, waitForHydration } from "./fixtures";
import { failEveryCall, onCallsTo, stopStandingIn } from "./rpc-calls";

test.use({ shareAccountInFile: true });

// The todos page loads its list and its counts in one batched request; these tests hold back
// or fail whatever request asks for the list, however it is shaped.
const TODO_LIST = "todo/list";

test("a page shows that it is loading while its data is on the way", async ({
  page,
  account: _signedIn,
}) => {
  await open(page, "/agenda");
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await onCallsTo(page, TODO_LIST, async (route) => {
    await answered;
    await route.continue();
  });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Todos" }).click();
  const loading = page.getByRole("status").filter({ hasText: "Loading…" });
  await expect(loading).toBeVisible();
  answer();
  await expect(page.getByRole("heading", { name: "Your todos" })).toBeVisible();
  await expect(loading).toHaveCount(0);
});

test("a page whose data fails to load says so, and Try again brings it back", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  // The browser logs the failed request, and React the error its boundary caught.
  allowConsoleError(/status of 500|INTERNAL_SERVER_ERROR/);
  await open(page, "/agenda");
  await onCallsTo(page, TODO_LIST, (route) => failEveryCall(route, 500, "INTERNAL_SERVER_ERROR"));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Todos" }).click();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  // The rest of the app stays usable around the error.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the error state");

  await stopStandingIn(page);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your todos" })).toBeVisible();
});

test("a page refused for too many requests asks the visitor to wait", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 429|TOO_MANY_REQUESTS/);
  await open(page, "/agenda");
  await onCallsTo(page, TODO_LIST, (route) => failEveryCall(route, 429, "TOO_MANY_REQUESTS"));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Todos" }).click();
  await expect(page.getByRole("heading", { name: "Too many requests" })).toBeVisible();
  await expect(page.getByText("Wait a minute, then try again.")).toBeVisible();
});

test("a page that is not there answers 404, whatever says so", async ({
  page,
  account: _signedIn,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 404/);
  // No route at this address.
  const noRoute = await page.goto("/no-such-page");
  expect(noRoute?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  // An event nobody has (another user's answers the same NOT_FOUND): says what, and where to go.
  const noEvent = await page.goto(`/agenda/${crypto.randomUUID()}`);
  expect(noEvent?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This event is not here" })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("link", { name: "Back to the agenda" }).click();
  await expect(page).toHaveURL(/\/agenda$/);
});

test("empty pages say what they are for and what to do", async ({ page, account: _signedIn }) => {
  await open(page, "/agenda");
  await expect(page.getByRole("heading", { name: "Nothing coming up" })).toBeVisible();
  await page.getByRole("link", { name: "Add an event" }).click();
  await expect(page.getByRole("heading", { name: "New event" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Todos" }).click();
  await expect(page).toHaveURL(/\/todos$/);
  await expect(page.getByRole("heading", { name: "Your list is empty" })).toBeVisible();
  await expect(page.getByText("Write your first todo in the box above")).toBeVisible();
  // Nothing to search or filter yet; the first todo brings them.
  const views = page.getByRole("navigation", { name: "Show todos" });
  await expect(views).toHaveCount(0);
  await expect(page.getByLabel("Search todos")).toHaveCount(0);
  await waitForHydration(page);
  await page.getByLabel("New todo").fill("The first one");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(views).toBeVisible();
  await expect(page.getByLabel("Search todos")).toBeVisible();
});
