import { afterEach, describe, expect, it, vi } from "vitest";
import {
  authPost,
  cookiesFrom,
  linkIn,
  mailTo,
  ORIGIN,
  openLink,
  randomIp,
  rpc,
  signUp,
} from "../fixtures";
import { brokenD1, callWithDatabase } from "./broken-database";

afterEach(() => vi.restoreAllMocks());

/** Everything written to the console (log and error) while the spies are on. */
function captureLogs() {
  const spies = [vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
  const printed = () =>
    spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" "))).join("\n");
  const lines = () =>
    printed()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { printed, lines };
}

const cookieValues = (cookie: string) =>
  cookie.split("; ").map((pair) => decodeURIComponent(pair.slice(pair.indexOf("=") + 1)));

describe("structured logs", () => {
  it("write one line per request with id, route, status, duration and user", async () => {
    const user = await signUp();
    const logs = captureLogs();
    const me = await rpc(user.cookie).account.me();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        event: "request",
        requestId: response.headers.get("x-request-id"),
        method: "POST",
        path: "/api/auth/sign-in/email",
        status: 200,
        durationMs: expect.any(Number),
        time: expect.any(String),
      }),
    );
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ event: "request", path: "/rpc/account/me", userId: me?.id }),
    );
  });

  it("never hold a password, cookie or session token through a whole signed-in visit", async () => {
    const user = await signUp();
    const logs = captureLogs();
    const signIn = await authPost("sign-in/email", { email: user.email, password: user.password });
    const cookie = cookiesFrom(signIn);
    const client = rpc(cookie);
    await client.todo.create({ text: "logged visit" });
    await client.todo.list({});
    await authPost("sign-in/email", { email: user.email, password: "a wrong password" });
    await authPost("sign-out", {}, { cookie });
    await authPost(
      "sign-in/email",
      { email: user.email, password: user.password },
      {
        origin: "https://evil.example",
      },
    );

    const all = logs.printed();
    expect(logs.lines()).toContainEqual(expect.objectContaining({ event: "refused", status: 403 }));
    expect(all).not.toContain(user.password);
    for (const value of [...cookieValues(cookie), ...cookieValues(user.cookie)]) {
      expect(all).not.toContain(value);
      // The signed cookie is `token.signature`; neither half may show.
      for (const part of value.split(".")) expect(all).not.toContain(part);
    }
  });

  it("name the reset route without the token its link carries", async () => {
    const user = await signUp();
    await authPost("request-password-reset", { email: user.email, redirectTo: "/reset-password" });
    const link = linkIn((await mailTo(user.email, "Reset your")).body);
    const token = /reset-password\/([^?]+)/.exec(link)?.[1] ?? "";
    expect(token).not.toBe("");

    const logs = captureLogs();
    const landing = await openLink(link);
    expect(landing.status).toBe(302);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ event: "request", path: "/api/auth/reset-password/:token" }),
    );
    expect(logs.printed()).not.toContain(token);
  });
});

// D1 failing inside, so Drizzle reports the failed query with its values.
describe("a database error in the log", () => {
  it("keeps the query's shape but never its values: no email, no session token", async () => {
    const user = await signUp();
    const token = cookieValues(user.cookie)[0]?.split(".")[0] ?? "";
    const logs = captureLogs();

    const signIn = await callWithDatabase(brokenD1, "/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        "cf-connecting-ip": randomIp(),
      },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(signIn.status).toBe(500);
    const list = await callWithDatabase(brokenD1, "/rpc/todo/list", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: user.cookie,
        "cf-connecting-ip": randomIp(),
      },
      body: "{}",
    });
    expect(list.status).toBeGreaterThanOrEqual(400);

    const all = logs.printed();
    expect(all).toMatch(/Failed query: select/i);
    expect(all).toContain("params: [redacted]");
    expect(all).not.toContain(user.email);
    expect(all).not.toContain(token);
    expect(all).not.toContain(user.password);
  });
});
