import { createExecutionContext, env, SELF } from "cloudflare:test";
import { createApiClient, isDefinedError, safe } from "@checkmark/api/client";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, signUp } from "./fixtures";

/** The published client, as a consumer would build it, calling the Worker under test. */
function consumer(options: { cookie?: string; env?: Partial<Env>; onFetch?: () => void } = {}) {
  const ip = randomIp();
  return createApiClient({
    baseUrl: ORIGIN,
    headers: { "cf-connecting-ip": ip, ...(options.cookie ? { cookie: options.cookie } : {}) },
    fetch: (request) => {
      options.onFetch?.();
      return options.env
        ? app.fetch(request, { ...env, ...options.env }, createExecutionContext())
        : SELF.fetch(request);
    },
  });
}

describe("createApiClient's errors are typed", () => {
  it("UNAUTHORIZED without a session", async () => {
    const [error] = await safe(consumer().todo.list({}));
    expect(isDefinedError(error)).toBe(true);
    if (!isDefinedError(error)) return;
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.status).toBe(401);
  });

  it("NOT_FOUND for a todo that does not exist, BAD_REQUEST with issues for bad input", async () => {
    const client = consumer({ cookie: (await signUp()).cookie });
    const [missing] = await safe(
      client.todo.toggle({ id: "00000000-0000-7000-8000-000000000000", completed: true }),
    );
    expect(isDefinedError(missing) && missing.code).toBe("NOT_FOUND");

    // @ts-expect-error text must be a string
    const [bad] = await safe(client.todo.create({ text: 42 }));
    expect(isDefinedError(bad) && bad.code).toBe("BAD_REQUEST");
    if (isDefinedError(bad) && bad.code === "BAD_REQUEST") {
      expect(bad.data?.issues[0]?.path).toEqual(["text"]);
    }
  });

  it("TOO_MANY_REQUESTS with the wait when the limiter refuses", async () => {
    const { cookie } = await signUp();
    const refuseAll: RateLimit = { limit: async () => ({ success: false }) };
    const [error] = await safe(consumer({ cookie, env: { RPC_LIMITER: refuseAll } }).todo.list({}));
    expect(isDefinedError(error)).toBe(true);
    if (isDefinedError(error) && error.code === "TOO_MANY_REQUESTS") {
      expect(error.status).toBe(429);
      expect(error.data.retryAfterSeconds).toBe(60);
    } else {
      throw new Error(`expected TOO_MANY_REQUESTS, got ${String(error)}`);
    }
  });

  it("a body over 1 MB is PAYLOAD_TOO_LARGE (413), an error the client can branch on", async () => {
    const client = consumer({ cookie: (await signUp()).cookie });
    const [error] = await safe(client.todo.create({ text: "a".repeat(1024 * 1024 + 1) }));
    // Refused by the server's pipeline before any procedure: not one of the declared errors,
    // but an ORPCError with oRPC's code for the status, never a network failure or a 500.
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(isDefinedError(error)).toBe(false);
  });

  it("the limiter's refusal still carries Retry-After on the wire", async () => {
    const refuseAll: RateLimit = { limit: async () => ({ success: false }) };
    const response = await app.fetch(
      new Request(`${ORIGIN}/rpc/healthCheck`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
        body: "{}",
      }),
      { ...env, RPC_LIMITER: refuseAll },
      createExecutionContext(),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
  });
});

describe("batching", () => {
  it("sends the calls of one tick as one request and answers each", async () => {
    const { cookie } = await signUp();
    let requests = 0;
    const client = createApiClient({
      baseUrl: ORIGIN,
      headers: { "cf-connecting-ip": randomIp(), cookie },
      fetch: (request) => {
        requests++;
        return SELF.fetch(request);
      },
      batch: true,
    });
    const [me, page, health] = await Promise.all([
      client.account.me(),
      client.todo.list({}),
      client.healthCheck(),
    ]);
    expect(requests).toBe(1);
    expect(me?.email).toContain("@example.com");
    expect(page.items).toEqual([]);
    expect(health).toBe("OK");
  });
});
