import { env } from "cloudflare:test";
import { createAuth } from "@checkmark/auth";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditRowsFor,
  authPost,
  mailTo,
  ORIGIN,
  rpc,
  signedInAdmin,
  signUp,
  type TestUser,
  uniqueEmail,
} from "./fixtures";

// One admin for the file: sign-ups cost ~60 ms of CPU each.
let admin: Awaited<ReturnType<typeof signedInAdmin>>;
beforeAll(async () => {
  admin = await signedInAdmin();
});

const idOf = async (user: TestUser) => {
  const me = await rpc(user.cookie).account.me();
  if (!me) throw new Error("not signed in");
  return me.id;
};

describe("banning", () => {
  it("ends the user's sessions at once, refuses sign-in with the reason, and unbanning lets them back", async () => {
    const user = await signUp();
    const userId = await idOf(user);

    const banned = await admin.client.admin.users.ban({ userId, reason: "Spam in todos" });
    expect(banned).toMatchObject({ banned: true, banReason: "Spam in todos", banExpires: null });

    // The cookie the user already holds no longer works.
    expect(await rpc(user.cookie).account.me()).toBeNull();
    await expect(rpc(user.cookie).todo.list()).rejects.toMatchObject({ status: 401 });
    const { n } = (await env.DB.prepare("SELECT COUNT(*) AS n FROM session WHERE user_id = ?")
      .bind(userId)
      .first<{ n: number }>()) ?? { n: -1 };
    expect(n).toBe(0);

    // Signing in is refused with a message saying why.
    const refused = await authPost("sign-in/email", { email: user.email, password: user.password });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      code: "BANNED",
      message: expect.stringContaining("Spam in todos"),
    });
    expect(refused.headers.getSetCookie()).toEqual([]);

    await admin.client.admin.users.unban({ userId });
    const back = await authPost("sign-in/email", { email: user.email, password: user.password });
    expect(back.status).toBe(200);

    const actions = (await auditRowsFor(userId)).map((row) => row.action);
    expect(actions).toEqual(["user.ban", "user.unban"]);
  });

  it("a ban whose end has passed no longer refuses sign-in", async () => {
    const user = await signUp();
    const userId = await idOf(user);
    await env.DB.prepare(
      "UPDATE user SET banned = 1, ban_reason = 'old', ban_expires = ? WHERE id = ?",
    )
      .bind(Date.now() - 1000, userId)
      .run();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(response.status).toBe(200);
  });

  it("refuses an end in the past, an admin target and a missing user, writing nothing", async () => {
    const user = await signUp();
    const userId = await idOf(user);
    await expect(
      admin.client.admin.users.ban({ userId, reason: "x", expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.client.admin.users.ban({ userId: admin.userId, reason: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.client.admin.users.ban({ userId: "no-such-user", reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditRowsFor(userId)).toEqual([]);
    expect(await rpc(user.cookie).account.me()).not.toBeNull();
  });
});

describe("each admin action leaves exactly one audit row", () => {
  it("with who, what, the target, the request id and the values before and after", async () => {
    const user = await signUp();
    const userId = await idOf(user);
    const client = rpc(admin.user.cookie);
    await client.admin.users.setRole({ userId, role: "admin" });
    await client.admin.users.setRole({ userId, role: "user" });

    const detail = await client.admin.users.get({ userId });
    expect(detail.sessions).toHaveLength(1);
    expect(detail.user.lastSeenAt?.getTime()).toBe(detail.sessions[0]?.updatedAt.getTime());
    const sessionId = detail.sessions[0]?.id ?? "";
    await client.admin.sessions.revoke({ sessionId });
    expect(await rpc(user.cookie).account.me()).toBeNull();

    const rows = await auditRowsFor(userId);
    expect(rows.map((row) => row.action)).toEqual([
      "user.set-role",
      "user.set-role",
      "session.revoke",
    ]);
    expect(rows[0]).toMatchObject({
      actor_id: admin.userId,
      actor_email: admin.user.email,
      target_type: "user",
      target_id: userId,
      before: JSON.stringify({ role: "user" }),
      after: JSON.stringify({ role: "admin" }),
      impersonator_id: null,
    });
    expect(String(rows[0]?.request_id)).toMatch(/\S/);

    const page = await client.admin.audit.list({ targetId: userId, action: "session.revoke" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.before).toMatchObject({ sessionId });
  });

  it("creating a user makes a confirmed account, mails a set-your-password link, and logs it once", async () => {
    const email = uniqueEmail("created");
    const created = await admin.client.admin.users.create({ email, name: "Grace" });
    expect(created).toMatchObject({ email, role: "user", emailVerified: true, banned: false });
    const mail = await mailTo(email, "");
    expect(mail.body).toMatch(/reset-password/);
    expect(await auditRowsFor(created.id)).toHaveLength(1);

    await expect(admin.client.admin.users.create({ email, name: "Grace" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      admin.client.admin.users.create({ email: "not an email", name: "Grace" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await auditRowsFor(created.id)).toHaveLength(1);
  });
});

describe("the audit log", () => {
  it("names who acted and on whom from their accounts, and still lists the entry once both are deleted", async () => {
    const actor = await signedInAdmin();
    const targetId = crypto.randomUUID();
    const targetEmail = uniqueEmail("tess");
    await env.DB.prepare(
      "INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES (?, 'Tess Target', ?, 1, 1, 1)",
    )
      .bind(targetId, targetEmail)
      .run();
    await actor.client.admin.users.setRole({ userId: targetId, role: "admin" });

    const listed = async () => (await admin.client.admin.audit.list({ targetId })).items;
    expect(await listed()).toEqual([
      expect.objectContaining({
        action: "user.set-role",
        actor: { id: actor.userId, name: actor.user.name, email: actor.user.email },
        target: { id: targetId, name: "Tess Target", email: targetEmail },
        impersonator: null,
        before: { role: "user" },
        after: { role: "admin" },
      }),
    ]);

    await env.DB.prepare("DELETE FROM user WHERE id IN (?, ?)").bind(targetId, actor.userId).run();
    expect(await listed()).toEqual([
      expect.objectContaining({
        // The address the admin acted with is kept in the entry itself.
        actor: { id: actor.userId, name: null, email: actor.user.email },
        target: { id: targetId, name: null, email: null },
      }),
    ]);
  });
});

describe("the users table", () => {
  it("searches by email or name, sorts, and pages by keyset without repeats", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    for (let i = 0; i < 5; i++) {
      await env.DB.prepare(
        "INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
      )
        .bind(`${tag}-${i}`, `Name ${tag} ${i}`, `p${i}-${tag}@example.com`, 1000 + i, 1000 + i)
        .run();
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.client.admin.users.list({
        search: tag.toUpperCase(),
        sort: "email",
        direction: "asc",
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `p${i}-${tag}@example.com`));

    const byName = await admin.client.admin.users.list({ search: `Name ${tag} 3` });
    expect(byName.items.map((u) => u.id)).toEqual([`${tag}-3`]);

    await expect(admin.client.admin.users.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("DISABLE_SIGN_UP=true", () => {
  it("answers sign-up with 403 and says why", async () => {
    const auth = createAuth({ ...env, DISABLE_SIGN_UP: "true" });
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({
          email: uniqueEmail(),
          password: "a long enough password",
          name: "N",
        }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: "SIGN_UP_DISABLED",
      message: expect.stringMatching(/closed/),
    });
  });
});
