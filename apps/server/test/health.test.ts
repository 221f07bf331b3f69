import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("health", () => {
  it("reports ok once D1 answers", async () => {
    const response = await SELF.fetch("http://localhost:3000/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(await env.DB.prepare("SELECT 1 AS one").first("one")).toBe(1);
  });

  it("answers unknown paths with RFC 9457 problem details", async () => {
    const response = await SELF.fetch("http://localhost:3000/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, title: "Not Found" });
  });
});
