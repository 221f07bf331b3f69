import { expect, test } from "./fixtures";

test("/api/docs lists the API's operations from this origin alone, under the page CSP (no inline <style> without its nonce), with no violation", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "").origin;
  // Anything fetched from elsewhere (a CDN, web fonts, the vendor's services) is refused
  // and recorded: the docs must work offline.
  const offOrigin: string[] = [];
  await page.route(
    (url) => url.origin !== origin && url.protocol.startsWith("http"),
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort();
    },
  );
  // Every CSP violation the document reports, from its first script on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });

  const response = await page.goto("/api/docs");
  expect(response?.status()).toBe(200);
  const csp = response?.headers()["content-security-policy"] ?? "";
  // Scripts and <style> elements only by this response's nonce; style attributes (in Scalar's
  // code samples) are this page's one allowance (docs/decisions/054).
  const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic';/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain(`style-src 'self' 'nonce-${nonce}';`);
  expect(csp).toContain("style-src-attr 'unsafe-inline'");
  expect(csp.match(/'unsafe-inline'/g)).toHaveLength(1);
  await expect(page).toHaveTitle("API reference · Checkmark");

  // Scalar rendered the spec: the operations of todos and events, by their summaries.
  for (const operation of ["List your todos", "Create a todo", "Create an event", "Get an event"]) {
    await expect(page.getByText(operation, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText("Loading the API reference…")).toHaveCount(0);

  // A reader can get back to the app from the reference, on a phone too.
  const back = page.getByRole("link", { name: "Back to Checkmark" });
  await expect(back).toBeInViewport();
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(back).toBeInViewport();
  await page.mouse.wheel(0, 2000);
  await expect(back).toBeInViewport();

  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(offOrigin).toEqual([]);

  await back.click();
  await expect(page).toHaveURL(/\/$/);
});
