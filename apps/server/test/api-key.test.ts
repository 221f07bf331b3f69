import { createExecutionContext, env, SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createApiClient, isDefinedError, safe } from "@checkmark/api/client";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import app from "../src/index";
import { issuePaths, ORIGIN, randomIp, signedInAdmin, signedInClient } from "./fixtures";

afterEach(() => vi.restoreAllMocks());

const allowAll: RateLimit = { limit: async () => ({ success: true }) };

/** The owner's own session, on a Worker whose env differs (say, a password budget that never runs out). */
function sessionOn(cookie: string, overrides: Partial<Env>): AppRouterClient {
  return createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: { cookie, "cf-connecting-ip": randomIp() },
      fetch: async (request) =>
        app.fetch(request, { ...env, ...overrides }, createExecutionContext()),
    }),
  );
}

/** A program using its key through the published client. */
function withKey(key: string, overrides?: Partial<Env>) {
  return createApiClient({
    baseUrl: ORIGIN,
    apiKey: key,
    headers: { "cf-connecting-ip": randomIp() },
    fetch: (request) =>
      overrides
        ? app.fetch(request, { ...env, ...overrides }, createExecutionContext())
        : SELF.fetch(request),
  });
}

function restWithKey(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      "cf-connecting-ip": randomIp(),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The defined error's code a call failed with (undefined errors are not what a client can branch on). */
async function codeOf(call: Promise<unknown>) {
  const [error] = await safe(call);
  if (!error) return "no error";
  return isDefinedError(error) ? (error as { code: string }).code : `undefined: ${String(error)}`;
}

describe("API keys", () => {
  it("are created, listed without the key, and revoked by their owner; the key is stored hashed", async () => {
    const { client, userId, user } = await signedInClient();
    const created = await client.apiKey.create({
      name: "CI script",
      scope: "read-write",
      password: user.password,
    });
    expect(created.key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);

    const listed = await client.apiKey.list();
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, name: "CI script", scope: "read-write" }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(created.key.startsWith(listed[0]?.start ?? "?")).toBe(true);

    const row = await env.DB.prepare("SELECT * FROM api_key WHERE user_id = ?")
      .bind(userId)
      .first<Record<string, unknown>>();
    expect(row?.key_hash).toBe(await sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    await client.apiKey.revoke({ id: created.id });
    expect(await client.apiKey.list()).toEqual([]);
    // Someone else's key id is NOT_FOUND, like a missing one.
    const other = await signedInClient();
    const theirs = await other.client.apiKey.create({
      name: "theirs",
      scope: "read",
      password: other.user.password,
    });
    expect(await codeOf(client.apiKey.revoke({ id: theirs.id }))).toBe("NOT_FOUND");
  });

  it("are made only with the account's password: a stolen session cookie alone mints none", async () => {
    const { client, user } = await signedInClient();
    const [wrong] = await safe(
      client.apiKey.create({ name: "back door", scope: "read-write", password: "a guess" }),
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: "That is not your password." });
    expect(issuePaths(wrong)).toEqual(["password"]);
    const [missing] = await safe(
      // @ts-expect-error: what a caller without the password sends
      client.apiKey.create({ name: "back door", scope: "read-write" }),
    );
    expect(missing).toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(missing)).toEqual(["password"]);
    expect(await client.apiKey.list()).toEqual([]);

    // Each check spends the account's one password budget (ADR 112), so guessing stops there.
    const refuseAll: RateLimit = { limit: async () => ({ success: false }) };
    const spent = sessionOn(user.cookie, { PASSWORD_LIMITER: refuseAll });
    expect(
      await codeOf(spent.apiKey.create({ name: "x", scope: "read", password: user.password })),
    ).toBe("TOO_MANY_REQUESTS");
    expect(await client.apiKey.list()).toEqual([]);
  });

  it("act as their owner with Authorization: Bearer and with x-api-key, over RPC and REST", async () => {
    const { client, user } = await signedInClient();
    const { key } = await client.apiKey.create({
      name: "script",
      scope: "read-write",
      password: user.password,
    });
    const todo = await withKey(key).todo.create({ text: "made by a script" });
    expect((await client.todo.list({})).items.map((t) => t.id)).toEqual([todo.id]);

    const viaHeader = await restWithKey("GET", "/todos", { "x-api-key": key });
    expect(viaHeader.status).toBe(200);
    expect(await viaHeader.json()).toMatchObject({ items: [{ id: todo.id }] });
    const viaBearer = await restWithKey(
      "POST",
      "/todos",
      { authorization: `Bearer ${key}` },
      { text: "REST" },
    );
    expect(viaBearer.status).toBe(201);
  });

  it("a read-only key reads, and gets 403 on every write", async () => {
    const { client, user } = await signedInClient();
    const existing = await client.todo.create({ text: "keep me" });
    const { key } = await client.apiKey.create({
      name: "dashboard",
      scope: "read",
      password: user.password,
    });
    const reader = withKey(key);
    expect((await reader.todo.list({})).items).toHaveLength(1);
    expect(await codeOf(reader.todo.create({ text: "no" }))).toBe("FORBIDDEN");
    expect(await codeOf(reader.todo.toggle({ id: existing.id, completed: true }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(reader.todo.delete({ id: existing.id }))).toBe("FORBIDDEN");
    const rest = await restWithKey("DELETE", `/todos/${existing.id}`, { "x-api-key": key });
    expect(rest.status).toBe(403);
    expect((await client.todo.list({})).items).toEqual([
      expect.objectContaining({ completed: false }),
    ]);
  });

  it("a read-only key cannot upload files either (uploads are plain HTTP, not procedures)", async () => {
    const { client, userId, user } = await signedInClient();
    const todo = await client.todo.create({ text: "has files" });
    const { key } = await client.apiKey.create({
      name: "dashboard",
      scope: "read",
      password: user.password,
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const upload = await SELF.fetch(`${ORIGIN}/api/attachments?todoId=${todo.id}&name=a.png`, {
      method: "POST",
      headers: { "x-api-key": key, "cf-connecting-ip": randomIp() },
      body: png,
    });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as { detail: string }).detail).toBe(
      "This API key may only read.",
    );
    expect((await env.FILES.list({ prefix: `attachments/${userId}/` })).objects).toEqual([]);
  });

  it("stop working while their owner is banned, and work again once the ban is lifted", async () => {
    const admin = await signedInAdmin();
    const { client, userId, user } = await signedInClient();
    const { key } = await client.apiKey.create({
      name: "script",
      scope: "read-write",
      password: user.password,
    });
    await withKey(key).todo.list({});

    await admin.client.admin.users.ban({ userId, reason: "abuse" });
    expect(await codeOf(withKey(key).todo.create({ text: "after the ban" }))).toBe("UNAUTHORIZED");
    expect((await restWithKey("GET", "/todos", { "x-api-key": key })).status).toBe(401);

    await admin.client.admin.users.unban({ userId });
    await expect(withKey(key).todo.list({})).resolves.toMatchObject({ items: [] });
  });

  it("cannot manage keys, even with read-write scope", async () => {
    const { client, user } = await signedInClient();
    const { key } = await client.apiKey.create({
      name: "script",
      scope: "read-write",
      password: user.password,
    });
    expect(await codeOf(withKey(key).apiKey.list())).toBe("FORBIDDEN");
    expect(
      await codeOf(
        withKey(key).apiKey.create({ name: "x", scope: "read", password: user.password }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("revoked or expired: 401 on the next request", async () => {
    const { client, user } = await signedInClient();
    const revoked = await client.apiKey.create({
      name: "old",
      scope: "read-write",
      password: user.password,
    });
    await withKey(revoked.key).todo.list({});
    await client.apiKey.revoke({ id: revoked.id });
    expect(await codeOf(withKey(revoked.key).todo.list({}))).toBe("UNAUTHORIZED");
    expect((await restWithKey("GET", "/todos", { "x-api-key": revoked.key })).status).toBe(401);

    const expiring = await client.apiKey.create({
      name: "short",
      scope: "read",
      expiresInDays: 1,
      password: user.password,
    });
    expect(expiring.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    await withKey(expiring.key).todo.list({});
    await env.DB.prepare("UPDATE api_key SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, expiring.id)
      .run();
    expect(await codeOf(withKey(expiring.key).todo.list({}))).toBe("UNAUTHORIZED");
    expect(await codeOf(withKey("ck_made-up").todo.list({}))).toBe("UNAUTHORIZED");
  });

  it("have a rate-limit tier of their own, counted per key", async () => {
    const { client, user } = await signedInClient();
    const { key, id } = await client.apiKey.create({
      name: "busy",
      scope: "read",
      password: user.password,
    });
    const keys: string[] = [];
    const refuseAndRecord: RateLimit = {
      limit: async ({ key: k }) => {
        keys.push(k);
        return { success: false };
      },
    };
    const limited = withKey(key, { API_KEY_LIMITER: refuseAndRecord, RPC_LIMITER: allowAll });
    expect(await codeOf(limited.todo.list({}))).toBe("TOO_MANY_REQUESTS");
    expect(keys).toEqual([`rpc:api-key:${id}`]);
    // The owner's own session is on the user tier, untouched.
    await expect(client.todo.list({})).resolves.toMatchObject({ items: [] });
  });

  it("are at most 10 live per user, also when created at once; revoked or expired ones free a place", async () => {
    const { user } = await signedInClient();
    // Fifteen password checks in a minute: more than the account's budget, which is not tested here.
    const client = sessionOn(user.cookie, { PASSWORD_LIMITER: allowAll });
    // Twelve at once: the cap holds against creates racing each other, not only one by one.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        safe(client.apiKey.create({ name: `key ${i}`, scope: "read", password: user.password })),
      ),
    );
    const refused = results.flatMap(([error]) => (error ? [error] : []));
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(isDefinedError(error) && error.code).toBe("LIMIT_REACHED");
      expect(error).toMatchObject({ status: 409, data: { limit: 10 } });
      expect(error.message).toContain("You have 10 API keys");
    }
    const listed = await client.apiKey.list();
    expect(listed).toHaveLength(10);

    const [first, second] = listed;
    if (!first || !second) throw new Error("no keys listed");
    await client.apiKey.revoke({ id: first.id });
    await env.DB.prepare("UPDATE api_key SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, second.id)
      .run();
    await client.apiKey.create({ name: "after a revoke", scope: "read", password: user.password });
    await client.apiKey.create({ name: "after an expiry", scope: "read", password: user.password });
    expect(
      await codeOf(
        client.apiKey.create({ name: "one too many", scope: "read", password: user.password }),
      ),
    ).toBe("LIMIT_REACHED");
  });

  it("never appear in logs, whether the call succeeds or fails", async () => {
    const { client, user } = await signedInClient();
    const { key } = await client.apiKey.create({
      name: "secret",
      scope: "read",
      password: user.password,
    });
    const spies = [vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
    await withKey(key).todo.list({});
    await safe(withKey(key).todo.create({ text: "forbidden" }));
    await restWithKey("GET", `/todos?limit=abc&key=${key}`, { "x-api-key": key });
    await restWithKey("GET", "/todos", { authorization: `Bearer ${key}x` });
    const printed = spies.flatMap((spy) =>
      spy.mock.calls.map((args) => args.map(String).join(" ")),
    );
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.join("\n")).not.toContain(key.slice(3));
  });
});
