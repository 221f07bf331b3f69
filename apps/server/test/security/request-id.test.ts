import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("request id and timing", () => {
  it("gives every response a fresh id and a Server-Timing total", async () => {
    const first = await SELF.fetch("http://localhost:3000/health");
    const second = await SELF.fetch("http://localhost:3000/health");
    const id = first.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("x-request-id")).not.toBe(id);
    expect(first.headers.get("server-timing")).toMatch(/total;dur=\d/);
  });

  it("keeps a well-formed id from the caller", async () => {
    const response = await SELF.fetch("http://localhost:3000/health", {
      headers: { "x-request-id": "trace-abc.123_XYZ" },
    });
    expect(response.headers.get("x-request-id")).toBe("trace-abc.123_XYZ");
  });

  it("replaces an id that could smuggle anything into logs", async () => {
    for (const bad of ["short", "has spaces in it", "x".repeat(129), 'quote"injection"here']) {
      const response = await SELF.fetch("http://localhost:3000/health", {
        headers: { "x-request-id": bad },
      });
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
