import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, signUp } from "./fixtures";

describe("auth rate limit", () => {
  it("refuses a burst of failed sign-ins from one address with 429 and Retry-After", async () => {
    const user = await signUp();
    const ip = { "cf-connecting-ip": "203.0.113.7" };
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      const response = await authPost(
        "sign-in/email",
        { email: user.email, password: "guess" },
        ip,
      );
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same problem details as the Worker's own limits.
    expect(refused?.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused?.json()).toMatchObject({ status: 429, title: "Too Many Requests" });

    // Even the right password waits out the window: guessing cannot be mixed with a real try.
    const right = await authPost(
      "sign-in/email",
      { email: user.email, password: user.password },
      ip,
    );
    expect(right.status).toBe(429);
  });

  it("keeps its counters in D1, so a restart or another isolate does not reset them", async () => {
    const ip = { "cf-connecting-ip": "203.0.113.8" };
    await authPost("sign-in/email", { email: "nobody@example.com", password: "guess" }, ip);
    const row = await env.DB.prepare("SELECT count FROM rate_limit WHERE key LIKE ?")
      .bind("%203.0.113.8%")
      .first<number>("count");
    expect(row).toBe(1);
  });

  it("counts each address on its own", async () => {
    const user = await signUp();
    for (let attempt = 0; attempt < 6; attempt++) {
      await authPost(
        "sign-in/email",
        { email: user.email, password: "guess" },
        { "cf-connecting-ip": "203.0.113.9" },
      );
    }
    const elsewhere = await authPost(
      "sign-in/email",
      { email: user.email, password: user.password },
      { "cf-connecting-ip": "198.51.100.1" },
    );
    expect(elsewhere.status).toBe(200);
  });
});
