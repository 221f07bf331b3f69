import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, open, scrollsSideways, test, useSavedTheme } from "./fixtures";

test.use({ shareAccountInFile: true });

const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

test("signed-in pages fit a 375-px phone and a desktop in both themes, with the sections at hand", async ({
  page,
  account: _signedIn,
}) => {
  // Kept by CI with the other test results (README: "Screenshots").
  const folder = join(test.info().project.outputDir, "screenshots");
  mkdirSync(folder, { recursive: true });
  await open(page, "/todos");
  for (const text of ["Water the plants", "Book the dentist", "Renew the passport"]) {
    await page.getByLabel("New todo").fill(text);
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByRole("checkbox", { name: text })).toBeVisible();
  }
  await page.getByRole("checkbox", { name: "Book the dentist" }).check();
  await expect(page.getByText("2 of 3 still to do.")).toBeVisible();

  for (const theme of ["light", "dark"] as const) {
    await useSavedTheme(page, theme);
    for (const [size, viewport] of Object.entries({ phone, desktop })) {
      await page.setViewportSize(viewport);
      for (const [name, path, heading] of [
        ["todos", "/todos", "Your todos"],
        ["agenda", "/agenda", "Agenda"],
      ] as const) {
        await open(page, path);
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        const nav = page.getByRole("navigation", { name: "Main" });
        for (const section of ["Todos", "Agenda", "Settings"]) {
          await expect(nav.getByRole("link", { name: section })).toBeInViewport();
        }
        await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
        expect(await scrollsSideways(page), `${path} on a ${size} (${theme})`).toBe(false);
        await page.screenshot({
          path: join(folder, `${name}-${size}-${theme}.png`),
          fullPage: true,
        });
      }
    }
  }
});

test("signed-out pages fit a 375-px phone", async ({ page }) => {
  await page.setViewportSize(phone);
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password"]) {
    await open(page, path);
    await expect(page.getByRole("link", { name: "Sign up" }).first()).toBeInViewport();
    expect(await scrollsSideways(page), path).toBe(false);
  }
});

test.describe("on a touch phone", () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test("a todo's checkbox, attach, edit and delete each take taps over at least 44 × 44 px", async ({
    page,
    account: _signedIn,
  }) => {
    const text = "Tap me with a thumb";
    await open(page, "/todos");
    await page.getByLabel("New todo").fill(text);
    await page.getByRole("button", { name: "Add" }).click();
    const row = page.getByTestId("todo-item").filter({ hasText: text });
    const checkbox = row.getByRole("checkbox", { name: text });
    await expect(checkbox).toBeEnabled();

    // The box itself stays small; the label around it is what a finger hits.
    const targets = {
      checkbox: row.locator("label").filter({ has: page.getByRole("checkbox", { name: text }) }),
      attach: row.locator("label").filter({ has: page.getByLabel(`Attach a file to “${text}”`) }),
      edit: row.getByRole("button", { name: `Edit “${text}”` }),
      delete: row.getByRole("button", { name: `Delete “${text}”` }),
    };
    for (const [name, target] of Object.entries(targets)) {
      const box = await target.boundingBox();
      expect(box?.width, `${name} width`).toBeGreaterThanOrEqual(44);
      expect(box?.height, `${name} height`).toBeGreaterThanOrEqual(44);
    }

    // A tap near the edge of that area, well off the box, still ticks it.
    const area = await targets.checkbox.boundingBox();
    if (!area) throw new Error("the checkbox's tap area has no box");
    await page.touchscreen.tap(area.x + 3, area.y + 3);
    await expect(checkbox).toBeChecked();
  });
});
