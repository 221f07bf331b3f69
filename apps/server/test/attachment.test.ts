import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, randomIp, signedInClient, signUp } from "./fixtures";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const PDF_HEAD = new TextEncoder().encode("%PDF-1.7\n");

/** `size` bytes starting with `head`. */
function file(head: Uint8Array, size: number) {
  const bytes = new Uint8Array(size);
  bytes.set(head.subarray(0, size));
  for (let i = head.length; i < size; i++) bytes[i] = i % 251;
  return bytes;
}

let owner: Awaited<ReturnType<typeof signedInClient>>;
let todoId: string;

beforeAll(async () => {
  owner = await signedInClient();
  todoId = (await owner.client.todo.create({ text: "with files" })).id;
});

function upload(
  body: BodyInit,
  {
    name = "picture.png",
    todo = todoId,
    event,
    cookie = owner.user.cookie,
  }: { name?: string; todo?: string; event?: string; cookie?: string } = {},
) {
  const query = new URLSearchParams(event ? { eventId: event, name } : { todoId: todo, name });
  return SELF.fetch(`${ORIGIN}/api/attachments?${query}`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      cookie,
      "cf-connecting-ip": randomIp(),
      "content-type": "application/octet-stream",
    },
    body,
  });
}

function download(id: string, headers: Record<string, string> = {}, cookie = owner.user.cookie) {
  return SELF.fetch(`${ORIGIN}/api/attachments/${id}`, {
    headers: { cookie, "cf-connecting-ip": randomIp(), ...headers },
  });
}

/** An attachment row written straight to D1, with no object in R2: `size` bytes on a todo. */
const rowOnly = (userId: string, todo: string, size: number, keyPrefix: string) =>
  env.DB.prepare(
    "INSERT INTO attachment (id, user_id, todo_id, object_key, name, content_type, size, created_at) VALUES (?, ?, ?, ?, 'filler.pdf', 'application/pdf', ?, ?)",
  )
    .bind(
      crypto.randomUUID(),
      userId,
      todo,
      `${keyPrefix}-${crypto.randomUUID()}`,
      size,
      Date.now(),
    )
    .run();

const storedObjects = async () =>
  (await env.FILES.list({ prefix: `attachments/${owner.userId}/` })).objects.length;

describe("attachments on todos", () => {
  it("stores a PNG, lists it under its todo, and downloads the same bytes", async () => {
    const bytes = file(PNG, 4096);
    const response = await upload(bytes, { name: "Holiday é.png" });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; contentType: string; size: number };
    expect(created).toMatchObject({ contentType: "image/png", size: 4096 });

    expect(await owner.client.attachment.list({ type: "todo", id: todoId })).toEqual([
      expect.objectContaining({ id: created.id, name: "Holiday é.png" }),
    ]);

    const got = await download(created.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="Holiday _.png"; filename*=UTF-8''Holiday%20%C3%A9.png`,
    );
    expect(got.headers.get("etag")).toMatch(/^".+"$/);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  it("answers a range with 206 and an unchanged file with 304", async () => {
    const bytes = file(PNG, 2000);
    const { id } = (await (await upload(bytes)).json()) as { id: string };
    const part = await download(id, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/2000");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(100, 200));

    const etag = (await download(id)).headers.get("etag") ?? "";
    expect((await download(id, { "if-none-match": etag })).status).toBe(304);
  });

  it("takes an upload over the 1 MB body limit of other routes", async () => {
    const response = await upload(file(PDF_HEAD, 3 * 1024 * 1024), { name: "report.pdf" });
    expect(response.status).toBe(201);
  });

  it("refuses a file over 10 MB with 413 and stores nothing", async () => {
    const before = await storedObjects();
    const response = await upload(file(PNG, 10 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await storedObjects()).toBe(before);
  });

  it("refuses a file whose content is not an allowed type, whatever its name, with 415", async () => {
    const before = await storedObjects();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const response = await upload(html, { name: "innocent.png" });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ status: 415, title: "Unsupported Media Type" });
    // A real PNG under a name of another type is refused too.
    expect((await upload(file(PNG, 100), { name: "page.html" })).status).toBe(415);
    expect(await storedObjects()).toBe(before);
    expect(
      (await owner.client.attachment.list({ type: "todo", id: todoId })).some(
        (a) => a.name === "innocent.png",
      ),
    ).toBe(false);
  });

  it("counts the files against the owner's quota, shown as usage", async () => {
    const usage = await owner.client.attachment.usage();
    expect(usage.quotaBytes).toBe(100 * 1024 * 1024);
    expect(usage.usedBytes).toBeGreaterThanOrEqual(4096 + 2000 + 3 * 1024 * 1024);
  });

  it("refuses an upload over the quota with 413", async () => {
    await rowOnly(owner.userId, todoId, 99 * 1024 * 1024, "quota-filler");
    const response = await upload(file(PNG, 2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toContain("quota");
    await env.DB.prepare("DELETE FROM attachment WHERE object_key LIKE 'quota-filler-%'").run();
  });

  it("lets only what fits land when uploads race past the quota check together", async () => {
    const racer = await signedInClient();
    const parent = (await racer.client.todo.create({ text: "race" })).id;
    await rowOnly(racer.userId, parent, 95 * 1024 * 1024, "quota-filler");
    const statuses = await Promise.all(
      [1, 2, 3].map(
        async () =>
          (await upload(file(PNG, 4 * 1024 * 1024), { todo: parent, cookie: racer.user.cookie }))
            .status,
      ),
    );
    // 95 MB + one 4 MB file fits in 100 MB; a second would not.
    expect(statuses.sort()).toEqual([201, 413, 413]);
    expect((await racer.client.attachment.usage()).usedBytes).toBe(99 * 1024 * 1024);
    // The refused files' bytes went with them.
    expect((await env.FILES.list({ prefix: `attachments/${racer.userId}/` })).objects).toHaveLength(
      1,
    );
  });

  it("hides one user's files and todos from another: 404 to download, attach or list", async () => {
    const { id } = (await (await upload(file(PNG, 100))).json()) as { id: string };
    const other = await signUp();
    expect((await download(id, {}, other.cookie)).status).toBe(404);
    expect((await upload(file(PNG, 100), { cookie: other.cookie })).status).toBe(404);
    await expect(
      (await import("./fixtures")).rpc(other.cookie).attachment.list({ type: "todo", id: todoId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await download(id, {}, "")).status).toBe(401);
  });

  it("counts each listed todo's own files, never another user's rows", async () => {
    const withTwo = await owner.client.todo.create({ text: "two files" });
    const without = await owner.client.todo.create({ text: "no files" });
    await upload(file(PNG, 100), { todo: withTwo.id });
    await upload(file(PDF_HEAD, 100), { todo: withTwo.id, name: "b.pdf" });
    // A row that names the owner's todo but belongs to someone else is not the owner's file.
    const other = await signedInClient();
    await rowOnly(other.userId, without.id, 1, "foreign");

    const { items } = await owner.client.todo.list({});
    const countOf = (id: string) => items.find((item) => item.id === id)?.attachmentCount;
    expect(countOf(withTwo.id)).toBe(2);
    expect(countOf(without.id)).toBe(0);
  });

  it("keeps a deleted todo's files, so Undo brings the todo back with them", async () => {
    const doomed = await owner.client.todo.create({ text: "to delete" });
    const { id } = (await (await upload(file(PNG, 100), { todo: doomed.id })).json()) as {
      id: string;
    };
    const before = await storedObjects();
    const { deletedAt } = await owner.client.todo.delete({ id: doomed.id });
    // Housekeeping purges them with the todo once its undo has run out (housekeeping.test.ts).
    expect(await storedObjects()).toBe(before);
    // While deleted it takes no new files: it is gone for everything but Undo.
    expect((await upload(file(PNG, 100), { todo: doomed.id })).status).toBe(404);
    await owner.client.todo.restore({ deletedAt });
    expect(await owner.client.attachment.list({ type: "todo", id: doomed.id })).toEqual([
      expect.objectContaining({ id }),
    ]);
    expect((await download(id)).status).toBe(200);
  });
});

describe("attachments on events", () => {
  const meeting = {
    title: "Review",
    allDay: false,
    timeZone: "UTC",
    start: "2031-05-05T10:00",
    end: "2031-05-05T11:00",
  };

  it("stores a file under an event, lists it there and not under any todo", async () => {
    const event = await owner.client.event.create(meeting);
    const response = await upload(file(PDF_HEAD, 2048), { event: event.id, name: "agenda.pdf" });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    expect(await owner.client.attachment.list({ type: "event", id: event.id })).toEqual([
      expect.objectContaining({ id: created.id, eventId: event.id, todoId: null }),
    ]);
    expect((await download(created.id)).status).toBe(200);
  });

  it("refuses a file for another user's event, or for both a todo and an event, storing nothing", async () => {
    const event = await owner.client.event.create(meeting);
    const other = await signUp();
    const before = await storedObjects();
    expect((await upload(file(PNG, 100), { event: event.id, cookie: other.cookie })).status).toBe(
      404,
    );
    await expect(
      (await import("./fixtures"))
        .rpc(other.cookie)
        .attachment.list({ type: "event", id: event.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const both = new URLSearchParams({ todoId, eventId: event.id, name: "x.png" });
    const response = await SELF.fetch(`${ORIGIN}/api/attachments?${both}`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie: owner.user.cookie, "cf-connecting-ip": randomIp() },
      body: file(PNG, 100),
    });
    expect(response.status).toBe(404);
    expect(await storedObjects()).toBe(before);
  });

  it("deletes an event's files, rows and R2 objects, with the event", async () => {
    const event = await owner.client.event.create(meeting);
    const uploaded = await Promise.all(
      ["a.png", "b.png"].map(async (name) => {
        const response = await upload(file(PNG, 100), { event: event.id, name });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    const before = await storedObjects();
    await owner.client.event.delete({ id: event.id });
    expect(await storedObjects()).toBe(before - 2);
    for (const id of uploaded) expect((await download(id)).status).toBe(404);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM attachment WHERE event_id = ?")
      .bind(event.id)
      .first<number>("n");
    expect(rows).toBe(0);
  });

  it("the database itself refuses a row with no parent or with two", async () => {
    const insert = (todo: string | null, event: string | null) =>
      env.DB.prepare(
        "INSERT INTO attachment (id, user_id, todo_id, event_id, object_key, name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?, 'x.png', 'image/png', 1, 0)",
      )
        .bind(crypto.randomUUID(), owner.userId, todo, event, crypto.randomUUID())
        .run();
    const event = await owner.client.event.create(meeting);
    await expect(insert(null, null)).rejects.toThrow(/CHECK/);
    await expect(insert(todoId, event.id)).rejects.toThrow(/CHECK/);
  });
});
