import { createExecutionContext, env, SELF } from "cloudflare:test";
import { type AppRouterClient, ATTACHMENT_QUOTA_BYTES, rowLimits } from "@checkmark/api";
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

type Parent = { todoId: string } | { eventId: string };

function uploadRequest(owner: Owner, parent: Parent, name: string) {
  return new Request(`${ORIGIN}/api/attachments?${new URLSearchParams({ ...parent, name })}`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      cookie: owner.user.cookie,
      "cf-connecting-ip": randomIp(),
      "content-type": "application/octet-stream",
      // Said outright: a Request made in the test has none until it crosses a connection.
      "content-length": String(PNG.length),
    },
    body: PNG,
  });
}

function upload(owner: Owner, parent: Parent, name = "a.png") {
  return SELF.fetch(uploadRequest(owner, parent, name));
}

/** An upload through the app with FILES replaced. */
function uploadWithFiles(files: R2Bucket, owner: Owner, parent: Parent, name = "a.png") {
  return app.fetch(
    uploadRequest(owner, parent, name),
    { ...env, FILES: files },
    createExecutionContext(),
  );
}

/**
 * `count` files of `size` bytes on a parent, written straight to D1 as if held from before the
 * caps (or uploaded meanwhile by another request); oldest first. Their R2 keys.
 */
async function holdFiles(userId: string, parent: Parent, count: number, size = 1) {
  const [column, id] =
    "todoId" in parent ? ["todo_id", parent.todoId] : ["event_id", parent.eventId];
  const keys = Array.from({ length: count }, () => `attachments/${userId}/${crypto.randomUUID()}`);
  await env.DB.prepare(
    `INSERT INTO attachment (id, user_id, ${column}, object_key, name, content_type, size, created_at)
     SELECT lower(hex(randomblob(16))), ?, ?, value, 'held-' || key || '.png', 'image/png', ?, key
     FROM json_each(?)`,
  )
    .bind(userId, id, size, JSON.stringify(keys))
    .run();
  return keys;
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
    const keys = await holdFiles(owner.userId, { eventId: event.id }, 1001);
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(keys.slice(i, i + 100).map((key) => env.FILES.put(key, "x")));
    }

    const calls: number[] = [];
    const client = clientWithFiles(owner.user.cookie, bucketWithR2DeleteLimit(calls));
    await expect(client.event.delete({ id: event.id })).resolves.toEqual({ id: event.id });
    expect(calls).toEqual([1000, 1]);
    expect(await objectsOf(owner.userId)).toBe(0);
    expect(await rowsOf(owner.userId)).toBe(0);
  });
});

describe("a parent holding more files than the cap, from before it", () => {
  it("lists every file, oldest first, and each can be deleted; it takes no more", async () => {
    const owner = await signedInClient();
    const todo = await owner.client.todo.create({ text: "from before the caps" });
    await holdFiles(owner.userId, { todoId: todo.id }, 25);

    const listed = await owner.client.attachment.list({ type: "todo", id: todo.id });
    expect(listed.map((file) => file.name)).toEqual(
      Array.from({ length: 25 }, (_, i) => `held-${i}.png`),
    );
    // The newest, past the first 20, is there to delete.
    const newest = listed.at(-1);
    if (!newest) throw new Error("no file listed");
    await owner.client.attachment.delete({ id: newest.id });
    expect(await owner.client.attachment.list({ type: "todo", id: todo.id })).toHaveLength(24);
    expect((await upload(owner, { todoId: todo.id })).status).toBe(409);
  });
});

/** The bucket, recording each object written. */
function bucketRecordingPuts(puts: string[]): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, property) {
      if (property === "put") {
        return (...args: Parameters<R2Bucket["put"]>) => {
          puts.push(args[0]);
          return target.put(...args);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("the look before an upload stores anything", () => {
  it("refuses at every cap the insert checks, before a byte reaches R2", async () => {
    const owner = await signedInClient();
    const puts: string[] = [];
    const files = bucketRecordingPuts(puts);
    const [full, other] = await Promise.all([
      owner.client.todo.create({ text: "full" }),
      owner.client.todo.create({ text: "other" }),
    ]);

    // Files on one parent.
    await holdFiles(owner.userId, { todoId: full.id }, rowLimits.attachmentsPerParent);
    const onParent = await uploadWithFiles(files, owner, { todoId: full.id });
    await expectLimitReached(onParent, rowLimits.attachmentsPerParent, "files on this todo");

    // Files of the account.
    rowLimits.attachments = rowLimits.attachmentsPerParent;
    const ofAccount = await uploadWithFiles(files, owner, { todoId: other.id });
    await expectLimitReached(ofAccount, rowLimits.attachments, "the most one account may hold");
    Object.assign(rowLimits, defaults);

    // Bytes: the full todo's files hold 1 byte each; one more leaves less than this file's size.
    const held = rowLimits.attachmentsPerParent;
    await holdFiles(owner.userId, { todoId: other.id }, 1, ATTACHMENT_QUOTA_BYTES - held - 1);
    const quota = await uploadWithFiles(files, owner, { todoId: other.id });
    expect(quota.status).toBe(413);
    await quota.body?.cancel();

    expect(puts).toEqual([]);
  });
});

/**
 * The bucket as it is while another upload lands: each object written is followed by that
 * upload's row on `parent`; and R2 failing every delete.
 */
function bucketRacedAndFailingDeletes(userId: string, parent: Parent): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, property) {
      if (property === "put") {
        return async (...args: Parameters<R2Bucket["put"]>) => {
          const written = await target.put(...args);
          await holdFiles(userId, parent, 1);
          return written;
        };
      }
      if (property === "delete") {
        return async () => {
          throw new Error("R2 is unavailable");
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("a refused upload whose object R2 fails to delete", () => {
  it("still answers the refusal (409), leaving the object to the hourly orphan sweep", async () => {
    const owner = await signedInClient();
    const todo = await owner.client.todo.create({ text: "raced" });
    await holdFiles(owner.userId, { todoId: todo.id }, rowLimits.attachmentsPerParent - 1);

    const files = bucketRacedAndFailingDeletes(owner.userId, { todoId: todo.id });
    await expectLimitReached(
      await uploadWithFiles(files, owner, { todoId: todo.id }, "late.png"),
      rowLimits.attachmentsPerParent,
      "files on this todo",
    );
    // The other upload's row landed, this one's did not; its object waits for the sweep.
    expect(await rowsOf(owner.userId)).toBe(rowLimits.attachmentsPerParent);
    expect(await objectsOf(owner.userId)).toBe(1);
  });
});
