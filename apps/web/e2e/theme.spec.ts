import type { Page } from "@playwright/test";
import { expect, newVisitorContext, open, test } from "./fixtures";

/** Whether the page background, as painted, is light or dark. */
function canvasTone(page: Page) {
  return page.locator("html").evaluate((html) => {
    const paint = document.createElement("canvas").getContext("2d");
    if (!paint) throw new Error("no 2D canvas");
    paint.fillStyle = getComputedStyle(html).backgroundColor;
    paint.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = paint.getImageData(0, 0, 1, 1).data;
    return (red + green + blue) / 3 > 128 ? "light" : "dark";
  });
}

test("a theme chosen with the keyboard is kept, and the server renders it before any script runs", async ({
  page,
  browser,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "/sign-in");
  expect(await canvasTone(page)).toBe("light");

  // Reachable with Tab from the top of the page, and named.
  const theme = page.getByRole("combobox", { name: "Theme" });
  for (
    let presses = 0;
    presses < 10 && !(await theme.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(theme).toBeFocused();
  await expect(theme).toHaveValue("system");
  await page.keyboard.press("ArrowUp");
  await expect(theme).toHaveValue("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await canvasTone(page)).toBe("dark");

  // A browser with scripts off, holding the same cookies, gets the dark page from the server:
  // nothing has to run in the page to pick the colours, so nothing flashes.
  const noScript = await newVisitorContext(browser, {
    javaScriptEnabled: false,
    colorScheme: "light",
    storageState: await page.context().storageState(),
  });
  const served = await noScript.newPage();
  await served.goto("/sign-in");
  await expect(served.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await canvasTone(served)).toBe("dark");
  await noScript.close();

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
});

test("the system theme follows the device's light or dark setting, without script", async ({
  browser,
}) => {
  for (const colorScheme of ["dark", "light"] as const) {
    const device = await newVisitorContext(browser, { javaScriptEnabled: false, colorScheme });
    const page = await device.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    expect(await canvasTone(page), `with a ${colorScheme} device`).toBe(colorScheme);
    await device.close();
  }
});
