import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import {
  authPost,
  issuePaths,
  mailTo,
  ORIGIN,
  randomIp,
  signedInUser,
  uniqueEmail,
} from "./fixtures";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

/** Every (table, column) whose foreign key points at user.id, read from SQLite itself. */
async function columnsReferencingUser() {
  const { results: tables } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  const found: { table: string; column: string }[] = [];
  for (const { name } of tables) {
    const { results: keys } = await env.DB.prepare(
      `SELECT "table", "from" FROM pragma_foreign_key_list('${name}')`,
    ).all<{ table: string; from: string }>();
    for (const key of keys) if (key.table === "user") found.push({ table: name, column: key.from });
  }
  return found;
}

async function rowsLeft(userId: string) {
  const left: Record<string, number> = {};
  for (const { table, column } of await columnsReferencingUser()) {
    const n = await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = ?`)
      .bind(userId)
      .first<number>("n");
    if (n) left[`${table}.${column}`] = n;
  }
  const users = await env.DB.prepare("SELECT COUNT(*) AS n FROM user WHERE id = ?")
    .bind(userId)
    .first<number>("n");
  if (users) left.user = users;
  return left;
}

/** A user who owns a row in every kind of table: todo, event, attachment (in R2), key, link. */
async function userWithEverything() {
  const me = await signedInUser();
  const todo = await me.client.todo.create({ text: "mine to delete" });
  await me.client.event.create({
    title: "Dentist",
    allDay: false,
    timeZone: "Europe/Berlin",
    start: "2031-06-02T09:00",
    end: "2031-06-02T10:00",
  });
  await me.client.apiKey.create({ name: "script", scope: "read", password: me.password });
  const upload = await SELF.fetch(`${ORIGIN}/api/attachments?todoId=${todo.id}&name=a.png`, {
    method: "POST",
    headers: { origin: ORIGIN, cookie: me.cookie, "cf-connecting-ip": randomIp() },
    body: PNG,
  });
  expect(upload.status).toBe(201);
  // A pending password reset leaves a verification row holding the user's id.
  await authPost("request-password-reset", { email: me.email, redirectTo: "/reset-password" });
  await mailTo(me.email, "Reset your Checkmark password");
  // A pending email change: its link, and the row that counts the mail against the account.
  await me.client.account.changeEmail({ newEmail: uniqueEmail("moving"), password: me.password });
  return me;
}

/** Mailed links (no foreign key) that name the user: Better Auth's hold the id as their value. */
const pendingLinks = (userId: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM verification WHERE value = ? OR identifier LIKE ?")
    .bind(userId, `%${userId}%`)
    .first<number>("n");

const storedObjects = async (userId: string) =>
  (await env.FILES.list({ prefix: `attachments/${userId}/` })).objects.length;

describe("deleting the account", () => {
  it("is refused with a wrong confirmation or password, and nothing goes", async () => {
    const me = await signedInUser();
    await me.client.todo.create({ text: "still here" });

    const wrongTyped = me.client.account.delete({ confirmation: "delete", password: me.password });
    await expect(wrongTyped).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(await wrongTyped.catch((e) => e))).toEqual(["confirmation"]);

    const wrongPassword = me.client.account.delete({ confirmation: me.email, password: "nope" });
    await expect(wrongPassword).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(await wrongPassword.catch((e) => e))).toEqual(["password"]);

    const noPassword = me.client.account.delete({ confirmation: me.email });
    await expect(noPassword).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect(await me.client.account.me()).toMatchObject({ id: me.userId });
    expect((await me.client.todo.list({})).items).toHaveLength(1);
  });

  it("leaves no row in any table that references the user, nor their files, and signs out everywhere", async () => {
    const me = await userWithEverything();
    const other = await signedInUser();
    await other.client.todo.create({ text: "not theirs to delete" });
    // A second device of the same account.
    const second = await authPost("sign-in/email", { email: me.email, password: me.password });
    const secondCookie = second.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

    const referencing = (await columnsReferencingUser()).map((c) => c.table);
    // The enumeration is real: it finds at least the tables known today.
    expect(referencing).toEqual(
      expect.arrayContaining(["session", "account", "todo", "event", "attachment", "api_key"]),
    );
    expect(Object.keys(await rowsLeft(me.userId)).length).toBeGreaterThanOrEqual(7);
    // The reset link, the email change's link and the row counting its mail.
    expect(await pendingLinks(me.userId)).toBe(3);
    expect(await storedObjects(me.userId)).toBe(1);

    await expect(
      me.client.account.delete({
        confirmation: ` ${me.email.toUpperCase()} `,
        password: me.password,
      }),
    ).resolves.toEqual({ deleted: true });

    expect(await rowsLeft(me.userId)).toEqual({});
    expect(await pendingLinks(me.userId)).toBe(0);
    expect(await storedObjects(me.userId)).toBe(0);

    // Every device is out, and the password opens nothing.
    expect(await me.client.account.me()).toBeNull();
    const secondMe = await SELF.fetch(`${ORIGIN}/api/auth/get-session`, {
      headers: { cookie: secondCookie, "cf-connecting-ip": randomIp() },
    });
    expect(await secondMe.json()).toBeNull();
    expect(
      (await authPost("sign-in/email", { email: me.email, password: me.password })).status,
    ).toBe(401);

    const mail = await mailTo(me.email, "Your Checkmark account was deleted");
    expect(mail.body).toContain("cannot be undone");
    // Another user's things are untouched.
    expect((await other.client.todo.list({})).items).toHaveLength(1);
  });

  it("keeps the audit entries about the user: the log is append-only (ADR 044)", async () => {
    const me = await signedInUser();
    await env.DB.prepare(
      "INSERT INTO audit_log (id, actor_id, actor_email, action, target_type, target_id, request_id, created_at) VALUES (?, 'admin-id', 'admin@example.com', 'user.set-role', 'user', ?, 'req', ?)",
    )
      .bind(crypto.randomUUID(), me.userId, Date.now())
      .run();
    await me.client.account.delete({ confirmation: me.email, password: me.password });
    const kept = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE target_id = ?")
      .bind(me.userId)
      .first<number>("n");
    expect(kept).toBe(1);
  });
});

describe("a deletion that cannot finish", () => {
  it("sends no 'account deleted' mail when the database refuses, and everything stays", async () => {
    const me = await signedInUser();
    await me.client.todo.create({ text: "still mine" });
    const queued: { to: string; subject: string }[] = [];
    const capture = {
      send: async (body: { to: string; subject: string }) => void queued.push(body),
    };
    // The batch fails part-way (as a D1 outage would): SQLite aborts the user's todo delete.
    const trigger = `no_delete_${me.userId.replaceAll("-", "")}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE DELETE ON todo WHEN old.user_id = '${me.userId}' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    ).run();
    try {
      const response = await app.fetch(
        new Request(`${ORIGIN}/rpc/account/delete`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            cookie: me.cookie,
            "cf-connecting-ip": randomIp(),
          },
          body: JSON.stringify({ json: { confirmation: me.email, password: me.password } }),
        }),
        { ...env, MAIL_QUEUE: capture },
        createExecutionContext(),
      );
      expect(response.status).toBe(500);
    } finally {
      await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    }
    expect(queued.filter((mail) => mail.subject.includes("account was deleted"))).toEqual([]);
    await expect(me.client.todo.list()).resolves.toMatchObject({
      items: [expect.objectContaining({ text: "still mine" })],
    });
  });
});
