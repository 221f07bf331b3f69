import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const paths = ["/health", "/nope", "/rpc/healthCheck"];

describe("security headers", () => {
  it("are on every response, errors included", async () => {
    for (const path of paths) {
      const response = await SELF.fetch(`http://localhost:3000${path}`, {
        method: path.startsWith("/rpc") ? "POST" : "GET",
        headers: { "content-type": "application/json" },
        body: path.startsWith("/rpc") ? "{}" : undefined,
      });
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toContain(
        "frame-ancestors 'none'",
      );
      expect(response.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
    }
  });

  it("add HSTS on https only", async () => {
    const secure = await SELF.fetch("https://checkmark.example.com/health");
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const plain = await SELF.fetch("http://localhost:3000/health");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});
