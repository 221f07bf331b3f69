import { createExecutionContext, env, SELF } from "cloudflare:test";
import { createApiClient, isDefinedError, safe } from "@checkmark/api/client";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, recordingLimiter, refusingLimiter, signedInClient } from "./fixtures";

// SEARCH_LIMITER in wrangler.jsonc: 300 searching calls a minute per user. The binding counts in
// fixed 60 s windows: a burst that straddles a boundary gets a fresh budget, so a refusal is
// certain only within two windows' worth of calls.
const SEARCHES_PER_MINUTE = 300;
const BATCH = 10;

/** The web app's client: the calls of one tick go as one batched request. */
function batched(auth: { cookie: string } | { apiKey: string }, overrides?: Partial<Env>) {
  return createApiClient({
    baseUrl: ORIGIN,
    headers: {
      "cf-connecting-ip": randomIp(),
      ...("cookie" in auth ? { cookie: auth.cookie } : {}),
    },
    ...("apiKey" in auth ? { apiKey: auth.apiKey } : {}),
    fetch: (request) =>
      overrides
        ? app.fetch(request, { ...env, ...overrides }, createExecutionContext())
        : SELF.fetch(request),
    batch: true,
  });
}

type Client = ReturnType<typeof batched>;

/** Ten searches in one request (list and counts, as the page asks), until one is refused. */
async function searchUntilRefused(client: Client) {
  let allowed = 0;
  while (allowed <= 2 * SEARCHES_PER_MINUTE) {
    const answers = await Promise.all(
      Array.from({ length: BATCH / 2 }, () => [
        safe(client.todo.list({ q: "milk" })),
        safe(client.todo.counts({ q: "milk" })),
      ]).flat(),
    );
    const refused = answers.find(([error]) => error)?.[0];
    allowed += answers.filter(([error]) => !error).length;
    if (refused) return { allowed, refused };
  }
  throw new Error(`no refusal after ${allowed} searching calls`);
}

describe("todo search budget, per user", () => {
  it("counts every searching call of a batch, refuses with the wait, and spares plain lists", async () => {
    const { client: own, user } = await signedInClient();
    await own.todo.create({ text: "Buy milk" });
    const client = batched({ cookie: user.cookie });

    const { allowed, refused } = await searchUntilRefused(client);
    // Far fewer than the batches' requests would allow (10 calls per request against RPC_LIMITER).
    expect(allowed).toBeGreaterThanOrEqual(SEARCHES_PER_MINUTE - BATCH);
    expect(allowed).toBeLessThanOrEqual(2 * SEARCHES_PER_MINUTE);
    expect(isDefinedError(refused)).toBe(true);
    expect(refused).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: expect.stringContaining("Too many searches"),
      data: { retryAfterSeconds: 60 },
    });

    // The list and counts without a search spend nothing and still answer.
    await expect(client.todo.list({})).resolves.toMatchObject({ items: [{ text: "Buy milk" }] });
    await expect(client.todo.counts({})).resolves.toEqual({ all: 1, active: 1, completed: 0 });
    // An empty search box is no search.
    await expect(client.todo.list({ q: "  " })).resolves.toMatchObject({ items: [{}] });
  });

  it("is one budget for the person, whichever API key searches", async () => {
    const { client: own, user } = await signedInClient();
    const { key } = await own.apiKey.create({
      name: "script",
      scope: "read",
      password: user.password,
    });
    await searchUntilRefused(batched({ cookie: user.cookie }));

    // A key of the same user has no budget of its own (each key has its own request budget).
    const [error] = await safe(batched({ apiKey: key }).todo.list({ q: "milk" }));
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS" });

    // Someone else searches as before.
    const { user: other } = await signedInClient();
    await expect(batched({ cookie: other.cookie }).todo.list({ q: "milk" })).resolves.toEqual(
      expect.objectContaining({ items: [] }),
    );
  });

  it("is lifted with the rest of /rpc by RATE_LIMIT_TIER=loadtest, for benchmarks", async () => {
    const { user } = await signedInClient();
    const loadtestKeys: string[] = [];
    const search = (overrides: Partial<Env>) =>
      batched({ cookie: user.cookie }, { SEARCH_LIMITER: refusingLimiter, ...overrides }).todo.list(
        {
          q: "milk",
        },
      );
    await expect(search({})).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(
      search({ RATE_LIMIT_TIER: "loadtest", LOADTEST_LIMITER: recordingLimiter(loadtestKeys) }),
    ).resolves.toMatchObject({ items: [] });
    expect(loadtestKeys).toContainEqual(expect.stringMatching(/^search:user:/));
  });
});
