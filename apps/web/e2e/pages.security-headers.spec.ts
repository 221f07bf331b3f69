import { expect, test } from "./fixtures";

test("every page carries an enforcing CSP whose fresh nonce is on each script", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in"]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(response.headers()["content-security-policy-report-only"]).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `CSP on ${path}: ${csp}`).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    nonces.add(nonce ?? "");

    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
  expect(nonces.size).toBe(2);
});

test("markup injected into the page cannot run its inline handlers", async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/Content Security Policy/);
  await page.goto("/");
  const ran = await page.evaluate(async () => {
    // What an HTML injection bug would let an attacker write into the page.
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="x:" onerror="window.__injected = true">',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});
