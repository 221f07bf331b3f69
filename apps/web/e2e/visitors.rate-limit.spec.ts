import { expect, test } from "./fixtures";

// Cloudflare names each visitor in cf-connecting-ip; locally the test sets it, as the edge would.
const flooder = { "cf-connecting-ip": "203.0.113.77" };
const neighbour = { "cf-connecting-ip": "203.0.113.78" };

test("a visitor who floods the app is limited alone; everyone else's pages still load", async ({
  request,
  browser,
}) => {
  // The flooder spends their own budget on API calls (300 a minute; a window boundary can
  // hand out a second one, so allow for two).
  let status = 200;
  for (let calls = 0; status !== 429 && calls <= 601; calls++) {
    const response = await request.post("/rpc/healthCheck", {
      headers: { ...flooder, "content-type": "application/json" },
      data: "{}",
    });
    status = response.status();
  }
  expect(status).toBe(429);

  // Server-rendered pages count against the visitor who asked for them...
  const theirs = await browser.newContext({ extraHTTPHeaders: flooder });
  const theirPage = await theirs.newPage();
  const refused = await theirPage.goto("/sign-in");
  // ...and say so in their status, as the API does, so no monitor takes it for a crash.
  expect(refused?.status()).toBe(429);
  expect(refused?.headers()["retry-after"]).toBe("60");
  await expect(theirPage.getByRole("heading", { name: "Too many requests" })).toBeVisible();
  // The refusal is a finished page whose "Try again" works once the wait is over (a fresh
  // address stands for the minute passing).
  await expect(theirPage.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(theirPage.getByRole("heading", { name: "Too many requests" })).toBeVisible();
  await theirPage.setExtraHTTPHeaders({ "cf-connecting-ip": "203.0.113.79" });
  await theirPage.getByRole("button", { name: "Try again" }).click();
  await expect(theirPage.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await theirs.close();

  // ...not against one bucket that every signed-out visitor shares.
  const others = await browser.newContext({
    extraHTTPHeaders: neighbour,
    javaScriptEnabled: false,
  });
  const otherPage = await others.newPage();
  expect((await otherPage.goto("/sign-in"))?.status()).toBe(200);
  await expect(otherPage.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await others.close();
});
