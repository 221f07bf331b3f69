import type { Page } from "@playwright/test";
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

/** Opens `count` more of the user's live sockets, as newer tabs would; counts their 4002s. */
function openNewerTabs(page: Page, count: number) {
  return page.evaluate((count) => {
    const url = new URL("/api/live", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const state = window as unknown as { replaced?: number };
    state.replaced ??= 0;
    for (let i = 0; i < count; i++) {
      new WebSocket(url).addEventListener("close", (event) => {
        if (event.code === 4002) state.replaced = (state.replaced ?? 0) + 1;
      });
    }
  }, count);
}

test("a tab whose live connection newer tabs replaced waits until it is shown, or comes back if in view", async ({
  page,
}) => {
  // Counts the sockets the page opens, so a reconnect shows even before it is open; and lets
  // the test say whether the tab is in view, as the browser would.
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const view = window as unknown as { liveSockets: number; shown: boolean };
    view.liveSockets = 0;
    view.shown = true;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        view.liveSockets++;
      }
    };
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (view.shown ? "visible" : "hidden"),
    });
  });
  await signUp(page, { name: "Tabs", email: uniqueEmail("tabs"), password: "live password 1" });
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
  await page.clock.install();
  const socketsOpened = () =>
    page.evaluate(() => (window as unknown as { liveSockets: number }).liveSockets);
  const replaced = () => page.evaluate(() => (window as unknown as { replaced: number }).replaced);
  const setShown = (shown: boolean) =>
    page.evaluate((shown) => {
      (window as unknown as { shown: boolean }).shown = shown;
      document.dispatchEvent(new Event("visibilitychange"));
    }, shown);

  // In the background, twenty newer tabs' worth of sockets (the user's limit) replace this
  // tab's, the oldest; however long it waits, it does not take a slot back by itself.
  await setShown(false);
  const before = await socketsOpened();
  await openNewerTabs(page, 20);
  await expect(page.locator("html[data-live=closed]")).toHaveCount(1);
  await page.clock.runFor(60_000);
  expect(await socketsOpened()).toBe(before + 20);

  // Shown again, it reconnects, replacing the oldest of the others.
  await setShown(true);
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
  await expect.poll(replaced).toBe(1);

  // Replaced while in view, it comes back after its usual wait: a tab the user is looking at
  // never silently stops updating.
  await openNewerTabs(page, 20);
  await expect(page.locator("html[data-live=closed]")).toHaveCount(1);
  await page.clock.runFor(1_000);
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
});
