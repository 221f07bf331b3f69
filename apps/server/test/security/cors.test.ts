import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const preflight = (origin: string) =>
  SELF.fetch("http://localhost:3000/rpc/todo/list", {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  });

describe("CORS for direct callers", () => {
  it("lets a listed origin use credentials, naming it exactly", async () => {
    const response = await preflight("http://localhost:3001");
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3001");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("gives an unlisted origin nothing, and never a wildcard", async () => {
    const response = await preflight("https://evil.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const listed = await preflight("http://localhost:3001");
    expect(listed.headers.get("access-control-allow-origin")).not.toBe("*");
  });
});
