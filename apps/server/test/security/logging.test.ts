import { afterEach, describe, expect, it, vi } from "vitest";
import { authPost, signUp } from "../fixtures";

afterEach(() => vi.restoreAllMocks());

type LogSpy = { mock: { calls: unknown[][] } };

const printed = (spy: LogSpy) => spy.mock.calls.map((args) => String(args[0]));

function capturedLines(spy: LogSpy) {
  return printed(spy)
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("structured logs", () => {
  it("write one line per request with id, route, status, duration and user", async () => {
    const user = await signUp();
    const spy = vi.spyOn(console, "log");
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    const requestId = response.headers.get("x-request-id");
    const lines = capturedLines(spy).filter((line) => line.event === "request");
    expect(lines).toContainEqual(
      expect.objectContaining({
        requestId,
        method: "POST",
        path: "/api/auth/sign-in/email",
        status: 200,
        durationMs: expect.any(Number),
        time: expect.any(String),
      }),
    );
  });

  it("log refusals, and never a password, cookie or token", async () => {
    const user = await signUp();
    const spy = vi.spyOn(console, "log");
    await authPost(
      "sign-in/email",
      { email: user.email, password: user.password },
      { origin: "https://evil.example" },
    );
    const all = printed(spy).join("\n");
    expect(capturedLines(spy)).toContainEqual(
      expect.objectContaining({ event: "refused", status: 403 }),
    );
    expect(all).not.toContain(user.password);
    expect(all).not.toContain("session_token");
    expect(all).not.toContain(user.cookie.split("=")[1] ?? "<none>");
  });
});
