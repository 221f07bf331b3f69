// After a deploy: does the public origin answer? The server Worker has no public URL, so both
// checks go to the web origin: /health is forwarded to the server through the SERVER binding
// (web Worker, binding, server, D1 in one request), and a server-rendered page proves SSR.
// A fresh deploy (or a first custom domain) can take a little while to answer: retried.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const SMOKE_CHECKS = [
  {
    path: "/health",
    expect: 'HTTP 200 with {"status":"ok"} from the server Worker (D1 answered)',
    async verify(response) {
      if (response.status !== 200) return `HTTP ${response.status}`;
      const body = await response.json().catch(() => null);
      return body?.status === "ok" ? null : `answered ${JSON.stringify(body)}`;
    },
  },
  {
    path: "/sign-in",
    expect: "HTTP 200, a server-rendered HTML page",
    async verify(response) {
      if (response.status !== 200) return `HTTP ${response.status}`;
      const type = response.headers.get("content-type") ?? "";
      const body = await response.text();
      return type.includes("text/html") && body.includes("</html>")
        ? null
        : `answered ${type || "no content type"}, ${body.length} bytes`;
    },
  },
];

/**
 * Runs every check against `origin`, each retried up to `attempts` times. Resolves to one
 * result per check: `{ path, ok, detail, requestId }` (the request id finds the request in
 * Workers Logs).
 */
export async function smokeCheck(
  origin,
  { attempts = 12, intervalMs = 5000, fetch = globalThis.fetch } = {},
) {
  const results = [];
  for (const check of SMOKE_CHECKS) {
    let detail = "not tried";
    let requestId = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(new URL(check.path, origin), {
          headers: { "cache-control": "no-cache", "user-agent": "checkmark-deploy-smoke-check" },
          signal: AbortSignal.timeout(15_000),
        });
        requestId = response.headers.get("x-request-id") ?? response.headers.get("cf-ray");
        detail = await check.verify(response);
      } catch (error) {
        detail = error instanceof Error ? error.message : String(error);
      }
      if (detail === null) break;
      if (attempt < attempts) await sleep(intervalMs);
    }
    results.push({ path: check.path, ok: detail === null, detail, requestId });
  }
  return results;
}
