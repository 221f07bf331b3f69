import { createExecutionContext, env, SELF } from "cloudflare:test";
import { createApiClient } from "@checkmark/api/client";
import type { EventImportProgress } from "@checkmark/api/schemas";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, recordingLimiter, refusingLimiter, signedInUser } from "./fixtures";

// BULK_LIMITER in wrangler.jsonc: 20 calls a minute per user that may write thousands of rows
// (imports, clearing completed todos, undoing a delete or clear). The binding counts in fixed
// 60 s windows: a burst that straddles a boundary gets a fresh budget, so a refusal is certain
// only within two windows' worth of calls.
const BULK_WRITES_PER_MINUTE = 20;

type Client = ReturnType<typeof createApiClient>;

/** A program's client with the user's key, through the Worker under test (or `fetch`). */
function keyClient(
  apiKey: string,
  fetch: (request: Request) => Response | Promise<Response> = (request) => SELF.fetch(request),
): Client {
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

const rowsOf = async (table: "event" | "todo", userId: string) =>
  (await env.DB.prepare(
    `SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ? AND ${table === "todo" ? "deleted_at IS NULL" : "1"}`,
  )
    .bind(userId)
    .first<number>("n")) ?? 0;

/** The user's session client and two read-write keys' clients: every key has a budget of its own for ordinary calls. */
async function everyWayIn(me: Awaited<ReturnType<typeof signedInUser>>): Promise<Client[]> {
  const callers: Client[] = [me.client as Client];
  for (const name of ["one", "two"]) {
    const { key } = await me.client.apiKey.create({
      name,
      scope: "read-write",
      password: me.password,
    });
    callers.push(keyClient(key));
  }
  return callers;
}

/** Calls `call` with the callers in turn until one is refused: how many ran, and the refusal. */
async function untilRefused(
  callers: Client[],
  call: (client: Client, n: number) => Promise<unknown>,
) {
  let allowed = 0;
  let refusal: unknown;
  while (refusal === undefined && allowed <= 2 * BULK_WRITES_PER_MINUTE) {
    try {
      await call(callers[allowed % callers.length] as Client, allowed);
      allowed++;
    } catch (error) {
      refusal = error;
    }
  }
  expect(allowed).toBeGreaterThanOrEqual(BULK_WRITES_PER_MINUTE);
  expect(allowed).toBeLessThanOrEqual(2 * BULK_WRITES_PER_MINUTE);
  return { allowed, refusal };
}

describe("bulk write budget, per user", () => {
  it("refuses imports past 20 a minute whatever the caller signs in with, writing nothing; another user still imports", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    const { allowed, refusal } = await untilRefused(await everyWayIn(me), async (client, n) =>
      expect(await importOne(client, `Import ${n}`)).toMatchObject({ imported: 1 }),
    );
    expect(refusal).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: "Too many imports. Wait a minute, then import again.",
      data: { retryAfterSeconds: 60 },
    });
    // The refused import wrote nothing.
    expect(await rowsOf("event", me.userId)).toBe(allowed);

    expect(await importOne(other.client, "Theirs")).toMatchObject({ imported: 1 });
  });

  it("an undo refused for the budget says the todos are kept, and the same undo works once it allows", async () => {
    const me = await signedInUser();
    const { key } = await me.client.apiKey.create({
      name: "undo",
      scope: "read-write",
      password: me.password,
    });
    const todo = await me.client.todo.create({ text: "Keep me" });
    const { deletedAt } = await me.client.todo.delete({ id: todo.id });

    const spent = { ...env, BULK_LIMITER: refusingLimiter };
    const refusedClient = keyClient(key, (request) =>
      app.fetch(request, spent, createExecutionContext()),
    );
    const refusal = await refusedClient.todo.restore({ deletedAt }).catch((error) => error);
    expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429 });
    expect(refusal.message).toMatch(/not brought back yet\. Deleted todos are kept for a day/);
    expect(await rowsOf("todo", me.userId)).toBe(0);

    // A minute later (a budget with room), the very same handle brings the todo back.
    await expect(keyClient(key).todo.restore({ deletedAt })).resolves.toEqual({ count: 1 });
    await expect(me.client.todo.get({ id: todo.id })).resolves.toMatchObject({ text: "Keep me" });
  });

  it("refuses clearing completed todos and undoing it past 20 a minute, the refused call changing nothing", async () => {
    const me = await signedInUser();
    const callers = await everyWayIn(me);
    for (const text of ["Done one", "Done two"]) {
      const todo = await me.client.todo.create({ text });
      await me.client.todo.toggle({ id: todo.id, completed: true });
    }
    let deletedAt: Date | undefined;
    const { refusal } = await untilRefused(callers, async (client) => {
      if (deletedAt) {
        expect(await client.todo.restore({ deletedAt })).toEqual({ count: 2 });
        deletedAt = undefined;
      } else {
        const cleared = await client.todo.clearCompleted();
        expect(cleared.count).toBe(2);
        deletedAt = cleared.deletedAt;
      }
    });
    expect(refusal).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: deletedAt
        ? expect.stringMatching(
            /^Too many changes to many todos at once, so they were not brought back yet\. Deleted todos are kept for a day/,
          )
        : "Too many changes to many todos at once. Wait a minute, then try again.",
    });
    // Cleared or restored as the last allowed call left them: the refused one changed nothing.
    expect(await rowsOf("todo", me.userId)).toBe(deletedAt ? 0 : 2);
    // Other calls go on.
    await expect(me.client.todo.create({ text: "Still writing" })).resolves.toMatchObject({
      text: "Still writing",
    });
  });

  it("is counted per user under its own key, once per call, an API key's too; bad input spends nothing", async () => {
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
        { ...env, BULK_LIMITER: recordingLimiter(counted) },
        createExecutionContext(),
      );
    const program = keyClient(key, recorded);
    await importOne(program, "By key");
    await program.todo.clearCompleted();
    expect(counted).toEqual([`bulk:user:${me.userId}`, `bulk:user:${me.userId}`]);
    // Bad input is refused before the budget is spent.
    await expect(program.event.import({ rows: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      program.todo.restore({ deletedAt: "not a date" as unknown as Date }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(counted).toHaveLength(2);
  });
});
