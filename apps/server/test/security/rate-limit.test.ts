import { createExecutionContext, env, SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { describe, expect, it } from "vitest";
import app from "../../src/index";
import { ORIGIN, randomIp, recordingLimiter, refusingLimiter, rpc, signUp } from "../fixtures";
import { expectProblem } from "./helpers";

const authFrom = (ip: string) =>
  SELF.fetch(`${ORIGIN}/api/auth/get-session`, { headers: { "cf-connecting-ip": ip } });

// The binding counts in fixed 60 s windows: a burst that straddles a window boundary gets a
// fresh budget, so a refusal is certain only within two windows' worth of calls.
const AUTH_LIMIT = 60;
const RPC_LIMIT = 300;

describe("Workers rate limits", () => {
  it("refuse an address that floods auth with 429 problem details and Retry-After", async () => {
    const ip = "192.0.2.10";
    let allowed = 0;
    let refused: Response | undefined;
    while (!refused && allowed <= 2 * AUTH_LIMIT) {
      const response = await authFrom(ip);
      if (response.status === 429) refused = response;
      else allowed++;
    }
    expect(allowed).toBeGreaterThanOrEqual(AUTH_LIMIT);
    if (!refused) throw new Error(`no 429 after ${allowed} calls`);
    await expectProblem(refused, 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Someone else is not affected.
    expect((await authFrom("192.0.2.11")).status).toBe(200);
  });

  it("give each signed-in user an RPC budget of their own", async () => {
    const user = await signUp();
    const client = rpc(user.cookie);
    let refused: unknown;
    let allowed = 0;
    while (!refused && allowed <= 2 * RPC_LIMIT) {
      await client.healthCheck().then(
        () => allowed++,
        (error: unknown) => {
          refused = error;
        },
      );
    }
    expect(allowed).toBeGreaterThanOrEqual(RPC_LIMIT);
    expect(refused).toMatchObject({ status: 429 });
    // Another user has a budget of their own.
    await expect(rpc((await signUp()).cookie).healthCheck()).resolves.toBe("OK");
  });

  it("can be lifted for /rpc by RATE_LIMIT_TIER=loadtest, and are strict by default", async () => {
    const user = await signUp();
    const loadtestKeys: string[] = [];
    const listTodos = (overrides: Partial<Env>) =>
      rpcThroughApp(user.cookie, { RPC_LIMITER: refusingLimiter, ...overrides }).todo.list({});

    // The configured tier is strict: RPC_LIMITER decides, and it refuses.
    expect(env.RATE_LIMIT_TIER).toBe("strict");
    await expect(listTodos({})).rejects.toMatchObject({ status: 429 });

    // Load tests swap in LOADTEST_LIMITER for the same signed-in call.
    await expect(
      listTodos({ RATE_LIMIT_TIER: "loadtest", LOADTEST_LIMITER: recordingLimiter(loadtestKeys) }),
    ).resolves.toMatchObject({ items: [] });
    expect(loadtestKeys).toEqual([expect.stringMatching(/^rpc:user:/)]);
  });

  it("stop uploads, downloads, exports and live sockets too, before they reach storage", async () => {
    const user = await signUp();
    const refuseAll: RateLimit = { limit: async () => ({ success: false }) };
    const refusing = { ...env, RPC_LIMITER: refuseAll };
    const asUser = { cookie: user.cookie, origin: ORIGIN, "cf-connecting-ip": randomIp() };
    const requests = [
      new Request(`${ORIGIN}/api/attachments?todoId=t&name=a.png`, {
        method: "POST",
        headers: asUser,
        body: new Uint8Array(16),
      }),
      new Request(`${ORIGIN}/api/attachments/some-id`, { headers: asUser }),
      new Request(`${ORIGIN}/api/account/export.json`, { headers: asUser }),
      new Request(`${ORIGIN}/api/live`, { headers: { ...asUser, upgrade: "websocket" } }),
    ];
    for (const request of requests) {
      const response = await app.fetch(request, refusing, createExecutionContext());
      await expectProblem(response, 429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("stay strict for auth under RATE_LIMIT_TIER=loadtest", async () => {
    const refuseAll: RateLimit = { limit: async () => ({ success: false }) };
    const response = await app.fetch(
      new Request(`${ORIGIN}/api/auth/get-session`, {
        headers: { "cf-connecting-ip": randomIp() },
      }),
      { ...env, RATE_LIMIT_TIER: "loadtest", AUTH_LIMITER: refuseAll },
      createExecutionContext(),
    );
    await expectProblem(response, 429);
  });
});

/** The typed client, calling the app directly with some bindings replaced. */
function rpcThroughApp(cookie: string, overrides: Partial<Env>): AppRouterClient {
  const testEnv = { ...env, ...overrides };
  return createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: { cookie },
      fetch: async (request) => app.fetch(request, testEnv, createExecutionContext()),
    }),
  );
}
