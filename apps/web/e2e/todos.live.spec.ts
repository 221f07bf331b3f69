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

test("a tab whose live connection newer tabs replaced waits until it is shown again", async ({
  page,
}) => {
  // Counts the sockets the page opens, so a reconnect shows even before it is open.
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const counted = window as unknown as { liveSockets: number };
    counted.liveSockets = 0;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        counted.liveSockets++;
      }
    };
  });
  await signUp(page, { name: "Tabs", email: uniqueEmail("tabs"), password: "live password 1" });
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
  await page.clock.install();
  const socketsOpened = () =>
    page.evaluate(() => (window as unknown as { liveSockets: number }).liveSockets);
  const before = await socketsOpened();

  // Twenty newer tabs' worth of sockets: the user's limit, so this tab's, the oldest, is replaced.
  await page.evaluate(() => {
    const url = new URL("/api/live", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const state = window as unknown as { replaced: number };
    state.replaced = 0;
    for (let i = 0; i < 20; i++) {
      new WebSocket(url).addEventListener("close", (event) => {
        if (event.code === 4002) state.replaced++;
      });
    }
  });
  await expect(page.locator("html[data-live=closed]")).toHaveCount(1);
  // However long it waits, it does not take a slot back by itself.
  await page.clock.runFor(60_000);
  expect(await socketsOpened()).toBe(before + 20);

  // Shown again, it reconnects, replacing the oldest of the others.
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { replaced: number }).replaced))
    .toBe(1);
});
