import { createExecutionContext, env, SELF } from "cloudflare:test";
import { type AppRouterClient, rowLimits } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { afterEach, describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, signedInClient } from "./fixtures";

// The per-user cap is 1,000 files; a test lowers it for itself (the worker reads the same
// object) rather than uploading 1,000 files. The per-parent cap, 20, is tested as it is.
const defaults = { ...rowLimits };
afterEach(() => Object.assign(rowLimits, defaults));

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Owner = Awaited<ReturnType<typeof signedInClient>>;

function upload(owner: Owner, parent: { todoId: string } | { eventId: string }, name = "a.png") {
  return SELF.fetch(`${ORIGIN}/api/attachments?${new URLSearchParams({ ...parent, name })}`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      cookie: owner.user.cookie,
      "cf-connecting-ip": randomIp(),
      "content-type": "application/octet-stream",
    },
    body: PNG,
  });
}

/** The statuses of `count` uploads sent at once, each body read. */
async function uploadAll(
  owner: Owner,
  parent: { todoId: string } | { eventId: string },
  count: number,
) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await upload(owner, parent, `f${i}.png`);
      await response.body?.cancel();
      return response.status;
    }),
  );
}

const objectsOf = async (userId: string) =>
  (await env.FILES.list({ prefix: `attachments/${userId}/` })).objects.length;

const rowsOf = async (userId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM attachment WHERE user_id = ?")
    .bind(userId)
    .first<number>("n")) ?? 0;

async function expectLimitReached(response: Response, limit: number, message: string) {
  expect(response.status).toBe(409);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { detail: string };
  expect(body).toMatchObject({ status: 409, code: "LIMIT_REACHED", data: { limit } });
  expect(body.detail).toContain(message);
}

const meeting = {
  title: "Review",
  allDay: false,
  timeZone: "UTC",
  start: "2031-05-05T10:00",
  end: "2031-05-05T11:00",
};

describe("how many files one account may attach", () => {
  it("a todo takes 20 files; the 21st is refused with 409 naming the cap, and nothing is stored", async () => {
    const owner = await signedInClient();
    const todo = await owner.client.todo.create({ text: "many files" });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(...(await uploadAll(owner, { todoId: todo.id }, 1)));
    expect(statuses).toEqual(Array(20).fill(201));

    await expectLimitReached(
      await upload(owner, { todoId: todo.id }, "one-more.png"),
      20,
      "You have 20 files on this todo, the most one todo may hold. Delete one to attach another.",
    );
    expect(await objectsOf(owner.userId)).toBe(20);
    expect(await owner.client.attachment.list({ type: "todo", id: todo.id })).toHaveLength(20);

    // Another todo of the same owner still takes files; removing one makes room again.
    const other = await owner.client.todo.create({ text: "room" });
    expect((await upload(owner, { todoId: other.id })).status).toBe(201);
    const [first] = await owner.client.attachment.list({ type: "todo", id: todo.id });
    if (!first) throw new Error("no file listed");
    await owner.client.attachment.delete({ id: first.id });
    expect((await upload(owner, { todoId: todo.id })).status).toBe(201);
  });

  it("uploads racing past an event's cap: only what fits lands, the refused leave no object in R2", async () => {
    const owner = await signedInClient();
    const event = await owner.client.event.create(meeting);
    expect(await uploadAll(owner, { eventId: event.id }, 17)).toEqual(Array(17).fill(201));

    const statuses = await uploadAll(owner, { eventId: event.id }, 6);
    expect(statuses.sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect(await owner.client.attachment.list({ type: "event", id: event.id })).toHaveLength(20);
    expect(await rowsOf(owner.userId)).toBe(20);
    expect(await objectsOf(owner.userId)).toBe(20);
  });

  it("an account's files are capped across all its todos and events, racing uploads too", async () => {
    rowLimits.attachments = 5;
    const owner = await signedInClient();
    const [a, b] = await Promise.all([
      owner.client.todo.create({ text: "a" }),
      owner.client.todo.create({ text: "b" }),
    ]);
    const event = await owner.client.event.create(meeting);
    expect(await uploadAll(owner, { todoId: a.id }, 2)).toEqual([201, 201]);
    expect(await uploadAll(owner, { eventId: event.id }, 1)).toEqual([201]);

    const statuses = await uploadAll(owner, { todoId: b.id }, 5);
    expect(statuses.sort()).toEqual([201, 201, 409, 409, 409]);
    await expectLimitReached(
      await upload(owner, { eventId: event.id }),
      5,
      "You have 5 files, the most one account may hold. Delete some to attach more.",
    );
    expect(await rowsOf(owner.userId)).toBe(5);
    expect(await objectsOf(owner.userId)).toBe(5);
  });
});

/** The typed client, through the app with FILES replaced. */
function clientWithFiles(cookie: string, files: R2Bucket): AppRouterClient {
  return createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: { cookie, "cf-connecting-ip": randomIp() },
      fetch: async (request) =>
        app.fetch(request, { ...env, FILES: files }, createExecutionContext()),
    }),
  );
}

/** The bucket, refusing a delete of more than 1,000 keys as R2 does; records each call's size. */
function bucketWithR2DeleteLimit(calls: number[]): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, property) {
      if (property === "delete") {
        return async (keys: string | string[]) => {
          const count = Array.isArray(keys) ? keys.length : 1;
          calls.push(count);
          if (count > 1000) throw new Error("R2: at most 1000 keys may be deleted per call");
          return target.delete(keys);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("deleting many files at once", () => {
  it("deletes an event's 1,001 files (held from before the caps) from R2 in slices of 1,000", async () => {
    const owner = await signedInClient();
    const event = await owner.client.event.create(meeting);
    const keys = Array.from({ length: 1001 }, (_, i) => `attachments/${owner.userId}/old-${i}`);
    await env.DB.prepare(
      `INSERT INTO attachment (id, user_id, event_id, object_key, name, content_type, size, created_at)
       SELECT lower(hex(randomblob(16))), ?, ?, value, 'old.png', 'image/png', 1, 0 FROM json_each(?)`,
    )
      .bind(owner.userId, event.id, JSON.stringify(keys))
      .run();
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(keys.slice(i, i + 100).map((key) => env.FILES.put(key, "x")));
    }

    // The list stays bounded by the per-parent cap, whatever is held.
    expect(await owner.client.attachment.list({ type: "event", id: event.id })).toHaveLength(20);

    const calls: number[] = [];
    const client = clientWithFiles(owner.user.cookie, bucketWithR2DeleteLimit(calls));
    await expect(client.event.delete({ id: event.id })).resolves.toEqual({ id: event.id });
    expect(calls).toEqual([1000, 1]);
    expect(await objectsOf(owner.userId)).toBe(0);
    expect(await rowsOf(owner.userId)).toBe(0);
  });
});
