import { gzipSync } from "node:zlib";
import { budgets } from "../../../bench/budgets";
import { expect, newAccount, newVisitorContext, signUpDirectly, test } from "./fixtures";

test("a first visit to /todos loads no more JavaScript than its budget", async ({
  page,
  browser,
}) => {
  await signUpDirectly(page, newAccount());

  // A fresh browser (empty cache) holding the same session opens the page once.
  const visitor = await newVisitorContext(browser, {
    storageState: await page.context().storageState(),
  });
  const firstVisit = await visitor.newPage();
  const scripts = new Map<string, number>();
  // Reading a body is async: keep each read, so the sum below waits for every one of them.
  const bodiesRead: Promise<void>[] = [];
  firstVisit.on("response", (response) => {
    if (!new URL(response.url()).pathname.endsWith(".js")) return;
    bodiesRead.push(
      response.body().then((body) => {
        scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
      }),
    );
  });
  await firstVisit.goto("/todos", { waitUntil: "networkidle" });
  await expect(firstVisit.getByRole("heading", { name: "Your todos" })).toBeVisible();
  await expect(firstVisit.locator("html[data-hydrated=true]")).toBeAttached();
  await Promise.all(bodiesRead);

  const gzipTotal = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  test.info().annotations.push({
    type: "first-load JS",
    description: `${scripts.size} scripts, ${(gzipTotal / 1024).toFixed(1)} KiB gzip`,
  });
  expect(scripts.size, "the page loads its JavaScript").toBeGreaterThan(0);
  expect(
    gzipTotal,
    `${scripts.size} scripts, ${(gzipTotal / 1024).toFixed(1)} KiB gzip`,
  ).toBeLessThanOrEqual(budgets.firstLoadJsGzip);
  await visitor.close();
});
