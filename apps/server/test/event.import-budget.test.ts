import { createExecutionContext, env, SELF } from "cloudflare:test";
import { createApiClient } from "@checkmark/api/client";
import type { EventImportProgress } from "@checkmark/api/schemas";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, recordingLimiter, signedInUser } from "./fixtures";

// IMPORT_LIMITER in wrangler.jsonc: 10 imports a minute per user. The binding counts in fixed
// 60 s windows: a burst that straddles a boundary gets a fresh budget, so a refusal is certain
// only within two windows' worth of imports.
const IMPORTS_PER_MINUTE = 10;

type Client = ReturnType<typeof createApiClient>;

/** A program's client with the user's key, through the Worker under test (or `fetch`). */
function keyClient(apiKey: string, fetch = (request: Request) => SELF.fetch(request)): Client {
  return createApiClient({
    baseUrl: ORIGIN,
    apiKey,
    headers: { "cf-connecting-ip": randomIp() },
    fetch,
  });
}

/** Imports one event titled `title`; the last progress event. */
async function importOne(client: Pick<Client, "event">, title: string) {
  const rows = [{ row: 2, title, start: "2031-05-01T09:00", timeZone: "UTC" }];
  let last: EventImportProgress | undefined;
  for await (const step of await client.event.import({ rows })) last = step;
  return last;
}

const eventsOf = async (userId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM event WHERE user_id = ?")
    .bind(userId)
    .first<number>("n")) ?? 0;

describe("event import budget, per user", () => {
  it("refuses imports past 10 a minute whatever the caller signs in with, writing nothing; another user still imports", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    // Every key is a rate-limit budget of its own for ordinary calls; imports are not.
    const callers: Pick<Client, "event">[] = [me.client];
    for (const name of ["one", "two"]) {
      const { key } = await me.client.apiKey.create({
        name,
        scope: "read-write",
        password: me.password,
      });
      callers.push(keyClient(key));
    }

    let allowed = 0;
    let refusal: unknown;
    while (refusal === undefined && allowed <= 2 * IMPORTS_PER_MINUTE) {
      const caller = callers[allowed % callers.length] as Pick<Client, "event">;
      try {
        expect(await importOne(caller, `Import ${allowed}`)).toMatchObject({ imported: 1 });
        allowed++;
      } catch (error) {
        refusal = error;
      }
    }
    expect(allowed).toBeGreaterThanOrEqual(IMPORTS_PER_MINUTE);
    expect(allowed).toBeLessThanOrEqual(2 * IMPORTS_PER_MINUTE);
    expect(refusal).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: "Too many imports. Wait a minute, then import again.",
      data: { retryAfterSeconds: 60 },
    });
    // The refused import wrote nothing.
    expect(await eventsOf(me.userId)).toBe(allowed);

    expect(await importOne(other.client, "Theirs")).toMatchObject({ imported: 1 });
  });

  it("is counted per user under its own key, once per import, an API key's too; bad input spends nothing", async () => {
    const me = await signedInUser();
    const { key } = await me.client.apiKey.create({
      name: "sync",
      scope: "read-write",
      password: me.password,
    });
    const counted: string[] = [];
    const recorded = (request: Request) =>
      app.fetch(
        request,
        { ...env, IMPORT_LIMITER: recordingLimiter(counted) },
        createExecutionContext(),
      );
    await importOne(keyClient(key, recorded), "By key");
    expect(counted).toEqual([`import:user:${me.userId}`]);
    // Bad input is refused before the budget is spent.
    await expect(keyClient(key, recorded).event.import({ rows: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(counted).toHaveLength(1);
  });
});
