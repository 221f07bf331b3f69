import { env, SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditRowsFor,
  authPost,
  cookiesFrom,
  ORIGIN,
  randomIp,
  rpc,
  signedInAdmin,
  signedInUser,
} from "./fixtures";
import { totpCode } from "./totp";
import { turnOnTwoFactor } from "./two-factor-on";

/** A browser's cookie store for one origin: sends what it holds, keeps what the server sets. */
function cookieJar(initial: string) {
  const cookies = new Map<string, string>();
  const take = (pair: string) => {
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  };
  for (const pair of initial.split(";")) if (pair.includes("=")) take(pair);
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (expired) cookies.delete(pair.slice(0, pair.indexOf("=")).trim());
        else take(pair);
      }
    },
  };
}

/** The typed client with a cookie jar, as the web app runs in a browser tab. */
function browserClient(cookie: string, browserHeaders: Record<string, string> = {}) {
  const jar = cookieJar(cookie);
  const ip = randomIp();
  const client: AppRouterClient = createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: () => ({ ...browserHeaders, "cf-connecting-ip": ip, cookie: jar.header() }),
      fetch: async (request) => {
        const response = await SELF.fetch(request);
        jar.store(response);
        return response;
      },
    }),
  );
  return { client, cookie: () => jar.header(), ip };
}

let admin: Awaited<ReturnType<typeof signedInAdmin>>;
beforeAll(async () => {
  admin = await signedInAdmin();
});

const impersonationRows = async (userId: string) =>
  (await auditRowsFor(userId)).filter((row) => String(row.action).startsWith("user.impersonate"));

describe("impersonation", () => {
  it("acts as the user, audits start and stop once each, and stop hands the admin's session back", async () => {
    const user = await signedInUser();
    const tab = browserClient(admin.user.cookie);

    const started = await tab.client.admin.users.impersonate({ userId: user.userId });
    expect(started.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(started.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);

    // The tab is now the user, and knows who is behind it (the banner's facts).
    expect(await tab.client.account.me()).toMatchObject({
      id: user.userId,
      impersonator: { email: admin.user.email },
    });
    const created = await tab.client.todo.create({ text: "Made while impersonating" });
    expect((await user.client.todo.list()).items.map((t) => t.id)).toContain(created.id);

    // No admin powers inside, not even a second impersonation.
    await expect(tab.client.admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(tab.client.admin.users.impersonate({ userId: user.userId })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );

    const stopped = await tab.client.account.stopImpersonating();
    expect(stopped).toEqual({ restored: true });
    expect(await tab.client.account.me()).toMatchObject({
      id: admin.userId,
      role: "admin",
      impersonator: null,
    });
    expect(await tab.client.admin.overview()).toHaveProperty("users");

    const rows = await impersonationRows(user.userId);
    expect(rows.map((row) => row.action)).toEqual(["user.impersonate", "user.impersonate-stop"]);
    expect(rows[0]).toMatchObject({ actor_id: admin.userId, impersonator_id: null });
    // Done inside the impersonation: the user acted, the admin behind them is named.
    expect(rows[1]).toMatchObject({ actor_id: user.userId, impersonator_id: admin.userId });

    // The impersonation session is gone: stopping again or reusing its cookie gets nowhere.
    const { n } = (await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM session WHERE user_id = ? AND impersonated_by IS NOT NULL",
    )
      .bind(user.userId)
      .first<{ n: number }>()) ?? { n: -1 };
    expect(n).toBe(0);
  });

  it("refuses to target an admin (typed FORBIDDEN), a banned user and an unknown one, writing nothing", async () => {
    const otherAdmin = await signedInAdmin();
    await expect(
      admin.client.admin.users.impersonate({ userId: otherAdmin.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403, defined: true });
    await expect(
      admin.client.admin.users.impersonate({ userId: admin.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const banned = await signedInUser();
    await admin.client.admin.users.ban({ userId: banned.userId, reason: "Spam" });
    await expect(
      admin.client.admin.users.impersonate({ userId: banned.userId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.client.admin.users.impersonate({ userId: "no-such-user" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await impersonationRows(otherAdmin.userId)).toEqual([]);
    expect(await impersonationRows(banned.userId)).toEqual([]);
    const { n } = (await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM session WHERE impersonated_by IS NOT NULL AND user_id IN (?, ?)",
    )
      .bind(otherAdmin.userId, banned.userId)
      .first<{ n: number }>()) ?? { n: -1 };
    expect(n).toBe(0);
  });

  it("ends by itself after its hour, and at once when an admin revokes it", async () => {
    const user = await signedInUser();
    const tab = browserClient(admin.user.cookie);
    await tab.client.admin.users.impersonate({ userId: user.userId });
    const impersonating = tab.cookie();

    // Reading the session does not stretch it to the usual week.
    expect(await rpc(impersonating).account.me()).toMatchObject({ id: user.userId });
    const row = await env.DB.prepare(
      "SELECT id, expires_at AS expiresAt FROM session WHERE user_id = ? AND impersonated_by = ?",
    )
      .bind(user.userId, admin.userId)
      .first<{ id: string; expiresAt: number }>();
    expect(row?.expiresAt).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000);

    // Deleting the "don't remember" cookie does not buy a week: Better Auth's refresh keeps the hour.
    const remembered = impersonating
      .split("; ")
      .filter((pair) => !pair.includes("dont_remember"))
      .join("; ");
    expect(remembered).not.toBe(impersonating);
    const refreshed = await SELF.fetch(`${ORIGIN}/api/auth/get-session`, {
      headers: { cookie: remembered, "cf-connecting-ip": randomIp() },
    });
    expect(((await refreshed.json()) as { user?: { id: string } }).user?.id).toBe(user.userId);
    expect(await rpc(remembered).account.me()).toMatchObject({ id: user.userId });
    const after = await env.DB.prepare("SELECT expires_at AS expiresAt FROM session WHERE id = ?")
      .bind(row?.id)
      .first<{ expiresAt: number }>();
    expect(after?.expiresAt).toBe(row?.expiresAt);

    // An hour later (moved in D1) the cookie is worth nothing.
    await env.DB.prepare("UPDATE session SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1000, row?.id)
      .run();
    expect(await rpc(impersonating).account.me()).toBeNull();

    // A fresh one, revoked from the user page by another admin tab: gone on the next request.
    const again = browserClient(admin.user.cookie);
    await again.client.admin.users.impersonate({ userId: user.userId });
    const detail = await admin.client.admin.users.get({ userId: user.userId });
    const live = detail.sessions.find((s) => s.impersonatedBy === admin.userId);
    expect(live).toBeDefined();
    await admin.client.admin.sessions.revoke({ sessionId: live?.id ?? "" });
    expect(await again.client.account.me()).toBeNull();
    await expect(again.client.account.stopImpersonating()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("may look at the account's settings but leaves no credential behind to outlast the hour", async () => {
    const user = await signedInUser();
    const tab = browserClient(admin.user.cookie);
    await tab.client.admin.users.impersonate({ userId: user.userId });
    const asUser = { cookie: tab.cookie(), "cf-connecting-ip": randomIp() };

    await expect(tab.client.apiKey.list()).resolves.toEqual([]);
    await expect(
      tab.client.apiKey.create({ name: "back door", scope: "read-write", password: user.password }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(
      tab.client.account.changeEmail({ newEmail: "admin-owned@example.com", password: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Better Auth's own endpoints: a password, a passkey, a second factor, the profile.
    const refused = [
      await authPost(
        "change-password",
        { currentPassword: "x", newPassword: "y".repeat(12) },
        asUser,
      ),
      await authPost("two-factor/enable", { password: user.password }, asUser),
      await authPost("update-user", { name: "Renamed" }, asUser),
      await SELF.fetch(`${ORIGIN}/api/auth/passkey/generate-register-options`, { headers: asUser }),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect(await user.client.apiKey.list()).toEqual([]);
    expect(await user.client.account.me()).toMatchObject({ name: user.name });
    // Their own session can still do all of it.
    await expect(
      user.client.apiKey.create({ name: "mine", scope: "read", password: user.password }),
    ).resolves.toBeDefined();
  });

  it("cannot use or spend the account's second factor, nor turn it off", async () => {
    const user = await signedInUser();
    const { secret, backupCodes } = await turnOnTwoFactor(user.cookie, user.password);
    const [backupCode = ""] = backupCodes;

    const tab = browserClient(admin.user.cookie);
    await tab.client.admin.users.impersonate({ userId: user.userId });
    const asUser = { cookie: tab.cookie(), "cf-connecting-ip": randomIp() };
    const refused = [
      await authPost("two-factor/verify-totp", { code: await totpCode(secret, 1) }, asUser),
      await authPost("two-factor/verify-backup-code", { code: backupCode }, asUser),
      await authPost("two-factor/disable", { password: user.password }, asUser),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      await expect(response.json()).resolves.toMatchObject({ code: "IMPERSONATING" });
    }

    // The owner's backup code was not spent: it still finishes their own sign-in.
    const passwordStep = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    await expect(passwordStep.json()).resolves.toMatchObject({ twoFactorRedirect: true });
    const signedIn = await authPost(
      "two-factor/verify-backup-code",
      { code: backupCode },
      { cookie: cookiesFrom(passwordStep) },
    );
    expect(signedIn.status).toBe(200);
    await expect(rpc(cookiesFrom(signedIn)).account.me()).resolves.toMatchObject({
      id: user.userId,
    });
  });

  it("shows the user support access in their devices and export, never the admin's address or browser", async () => {
    const user = await signedInUser();
    const adminBrowser = "AdminsOwnBrowser/9.9";
    const tab = browserClient(admin.user.cookie, {
      "user-agent": adminBrowser,
      "cf-ipcountry": "NZ",
    });
    await tab.client.admin.users.impersonate({ userId: user.userId });

    const devices = await user.client.device.list();
    expect(devices.filter((device) => device.support)).toEqual([
      expect.objectContaining({ ipAddress: null, country: null, current: false }),
    ]);
    expect(JSON.stringify(devices)).not.toContain(tab.ip);
    expect(JSON.stringify(devices)).not.toContain("AdminsOwnBrowser");

    const exported = await SELF.fetch(`${ORIGIN}/api/account/export.json`, {
      headers: { cookie: user.cookie, "cf-connecting-ip": randomIp() },
    });
    const text = await exported.text();
    expect(text).not.toContain(tab.ip);
    expect(text).not.toContain("AdminsOwnBrowser");
    const { sessions } = JSON.parse(text) as { sessions: { supportAccess: boolean }[] };
    expect(sessions.filter((session) => session.supportAccess)).toHaveLength(1);

    // Nor is it stored: the row holds nothing of the admin's request.
    const stored = await env.DB.prepare(
      "SELECT ip_address, user_agent, country FROM session WHERE user_id = ? AND impersonated_by IS NOT NULL",
    )
      .bind(user.userId)
      .first();
    expect(stored).toEqual({ ip_address: null, user_agent: null, country: null });
  });

  it("cannot take a copy of the account away: both exports are refused while acting as the user", async () => {
    const user = await signedInUser();
    await user.client.todo.create({ text: "private" });
    const tab = browserClient(admin.user.cookie);
    await tab.client.admin.users.impersonate({ userId: user.userId });
    for (const file of ["export.json", "export.ics"]) {
      const response = await SELF.fetch(`${ORIGIN}/api/account/${file}`, {
        headers: { cookie: tab.cookie(), "cf-connecting-ip": tab.ip },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.text()).not.toContain("private");
    }
    // The user's own export is unchanged.
    const own = await SELF.fetch(`${ORIGIN}/api/account/export.json`, {
      headers: { cookie: user.cookie, "cf-connecting-ip": randomIp() },
    });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("private");
  });

  it("stopping outside an impersonation is a clear BAD_REQUEST", async () => {
    await expect(admin.client.account.stopImpersonating()).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("an impersonation ends at once when the admin behind it", () => {
  /** A second admin acting as a fresh user in a tab of their own. */
  async function impersonating() {
    const impersonator = await signedInAdmin();
    const user = await signedInUser();
    const tab = browserClient(impersonator.user.cookie);
    await tab.client.admin.users.impersonate({ userId: user.userId });
    expect(await tab.client.account.me()).toMatchObject({ id: user.userId });
    return { impersonator, user, tab };
  }

  /** The tab's next call is refused, and the user's own session carries on. */
  async function expectEnded({ user, tab }: Awaited<ReturnType<typeof impersonating>>) {
    await expect(tab.client.todo.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
    await expect(
      tab.client.todo.create({ text: "written after losing admin" }),
    ).rejects.toMatchObject({ status: 401 });
    expect((await user.client.todo.list({})).items).toEqual([]);
  }

  it("is made a user: the session is revoked in the same batch, audited against the user acted as", async () => {
    const scene = await impersonating();
    const { impersonator, user } = scene;

    await admin.client.admin.users.setRole({ userId: impersonator.userId, role: "user" });
    await expectEnded(scene);

    // Where the impersonation began, its end: the revoked session, by the admin who demoted.
    const [start, end, ...rest] = await auditRowsFor(user.userId);
    expect(rest).toEqual([]);
    expect(start).toMatchObject({ action: "user.impersonate", actor_id: impersonator.userId });
    expect(end).toMatchObject({ action: "session.revoke", actor_id: admin.userId });
    const { sessionId } = JSON.parse(String(start?.after));
    expect(JSON.parse(String(end?.before))).toMatchObject({
      sessionId,
      impersonatedBy: impersonator.userId,
    });
    expect(end?.request_id).toBe(
      (await auditRowsFor(impersonator.userId)).find((row) => row.action === "user.set-role")
        ?.request_id,
    );
  });

  it("is banned (after losing admin outside the app, e.g. by hand in D1)", async () => {
    const scene = await impersonating();
    const { impersonator, user } = scene;
    // Only a user can be banned; no app path other than setRole demotes, so an operator did.
    await env.DB.prepare("UPDATE user SET role = 'user' WHERE id = ?")
      .bind(impersonator.userId)
      .run();

    await admin.client.admin.users.ban({ userId: impersonator.userId, reason: "Rogue admin" });
    await expectEnded(scene);
    expect((await auditRowsFor(user.userId)).map((row) => row.action)).toEqual([
      "user.impersonate",
      "session.revoke",
    ]);
  });

  it("deletes their own account", async () => {
    const scene = await impersonating();
    const { impersonator } = scene;

    await impersonator.client.account.delete({
      confirmation: impersonator.user.email,
      password: impersonator.user.password,
    });
    await expectEnded(scene);
  });
});

it("has no HTTP way in that skips the admin checks and the audit", async () => {
  const user = await signedInUser();
  for (const path of ["impersonation/start", "impersonation/stop"]) {
    const response = await authPost(path, { userId: user.userId }, { cookie: admin.user.cookie });
    expect(response.status).toBe(404);
  }
  expect(await impersonationRows(user.userId)).toEqual([]);
});

// Not an admin procedure, so the router walk in admin.access.test.ts does not cover it.
it("account.stopImpersonating refuses anonymous callers with 401", async () => {
  await expect(rpc().account.stopImpersonating()).rejects.toMatchObject({ status: 401 });
});
