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
    // No inline script or style by blanket permission: only the nonce, and for styles one hash.
    expect(csp).not.toContain("'unsafe-inline'");
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
  const violation = await page.evaluate(
    () =>
      new Promise<{ violatedDirective: string; effectiveDirective: string } | "handler ran">(
        (resolve) => {
          // Listening before the injection, so the browser's report cannot be missed.
          document.addEventListener("securitypolicyviolation", (event) => {
            // The "x:" image also breaks img-src; the report that matters is the handler's.
            if (event.blockedURI !== "inline") return;
            resolve({
              violatedDirective: event.violatedDirective,
              effectiveDirective: event.effectiveDirective,
            });
          });
          // A handler that runs ends the wait at once instead of leaving it to the timeout.
          document.addEventListener("injected-handler-ran", () => resolve("handler ran"));
          // What an HTML injection bug would let an attacker write into the page.
          document.body.insertAdjacentHTML(
            "beforeend",
            `<img src="x:" onerror="window.__injected = true; document.dispatchEvent(new Event('injected-handler-ran'))">`,
          );
        },
      ),
  );
  expect(violation).toMatchObject({ effectiveDirective: expect.stringMatching(/^script-src/) });
  const ran = await page.evaluate(
    () => (window as unknown as { __injected?: boolean }).__injected === true,
  );
  expect(ran).toBe(false);
});
