import { env, SELF } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { authPost, cookiesFrom, ORIGIN, randomIp, rpc, signUp, type TestUser } from "./fixtures";

const FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
const SAFARI_ON_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

/** Another sign-in of the same account, from another browser and place. */
async function signInElsewhere(user: TestUser, headers: Record<string, string>) {
  const response = await authPost(
    "sign-in/email",
    { email: user.email, password: user.password },
    headers,
  );
  expect(response.status).toBe(200);
  return cookiesFrom(response);
}

describe("the devices list", () => {
  it("shows each signed-in device with browser, device, place and times, the current one marked", async () => {
    const user = await signUp();
    const phoneIp = randomIp();
    await signInElsewhere(user, {
      "user-agent": FIREFOX_ON_ANDROID,
      "cf-connecting-ip": phoneIp,
      "cf-ipcountry": "NL",
    });
    const laptop = await signInElsewhere(user, { "user-agent": SAFARI_ON_MAC });

    const devices = await rpc(laptop).device.list();
    expect(devices).toHaveLength(3);
    expect(devices.filter((device) => device.current)).toEqual([
      expect.objectContaining({ browser: "Safari", device: "Mac" }),
    ]);
    expect(devices).toContainEqual(
      expect.objectContaining({
        browser: "Firefox",
        device: "Android phone",
        ipAddress: phoneIp,
        country: "NL",
        current: false,
      }),
    );
    for (const device of devices) {
      expect(device.createdAt).toBeInstanceOf(Date);
      expect(device.lastSeenAt.getTime()).toBeGreaterThanOrEqual(device.createdAt.getTime());
    }
  });

  it("shows only the signed-in user's own devices", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const ownerIds = (await rpc(owner.cookie).device.list()).map((device) => device.id);
    const strangerIds = (await rpc(stranger.cookie).device.list()).map((device) => device.id);
    expect(ownerIds).toHaveLength(1);
    expect(strangerIds).not.toContain(ownerIds[0]);
  });

  it("refreshes last seen when a device is used after a few minutes", async () => {
    const user = await signUp();
    const [device] = await rpc(user.cookie).device.list();
    if (!device) throw new Error("no device listed");
    const longAgo = Date.now() - 60 * 60 * 1000;
    await env.DB.prepare("UPDATE session SET last_seen_at = ? WHERE id = ?")
      .bind(longAgo, device.id)
      .run();
    await rpc(user.cookie).todo.list({});
    // Written after the response, so wait for it.
    await vi.waitFor(
      async () => {
        const seen = await env.DB.prepare("SELECT last_seen_at AS at FROM session WHERE id = ?")
          .bind(device.id)
          .first<number>("at");
        expect(seen).toBeGreaterThan(Date.now() - 60_000);
      },
      { timeout: 5_000 },
    );
  });

  it("never hands out a session's token: Better Auth's own session list is not offered", async () => {
    const user = await signUp();
    await signInElsewhere(user, { "user-agent": SAFARI_ON_MAC });
    // A token revokes or replays its session, so one leaked list (or an admin acting as the
    // user) would be every device's cookie.
    const listed = await SELF.fetch(`${ORIGIN}/api/auth/list-sessions`, {
      headers: { origin: ORIGIN, cookie: user.cookie, "cf-connecting-ip": randomIp() },
    });
    expect(listed.status).toBe(404);
    await expect(listed.json()).resolves.toEqual({
      code: "LIST_SESSIONS_NOT_OFFERED",
      message: "Sessions are listed under Settings, Devices.",
    });

    const devices = await rpc(user.cookie).device.list();
    expect(devices).toHaveLength(2);
    for (const device of devices) expect(device).not.toHaveProperty("token");
  });

  it("requires a signed-in session", async () => {
    await expect(rpc().device.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("signing a device out", () => {
  it("ends that device's session on its very next request", async () => {
    const user = await signUp();
    const other = await signInElsewhere(user, { "user-agent": FIREFOX_ON_ANDROID });
    await expect(rpc(other).todo.list({})).resolves.toBeDefined();

    const target = (await rpc(user.cookie).device.list()).find((device) => !device.current);
    if (!target) throw new Error("no other device listed");
    await expect(rpc(user.cookie).device.revoke({ id: target.id })).resolves.toEqual({
      id: target.id,
    });

    await expect(rpc(other).todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(rpc(user.cookie).todo.list({})).resolves.toBeDefined();
    expect((await rpc(user.cookie).device.list()).map((device) => device.id)).not.toContain(
      target.id,
    );
  });

  it("answers NOT_FOUND for another user's session and leaves it working", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const [strangers] = await rpc(stranger.cookie).device.list();
    if (!strangers) throw new Error("no device listed");
    await expect(rpc(owner.cookie).device.revoke({ id: strangers.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
    await expect(rpc(stranger.cookie).todo.list({})).resolves.toBeDefined();
  });

  it("signs out every other device at once and keeps this one", async () => {
    const user = await signUp();
    const phone = await signInElsewhere(user, { "user-agent": FIREFOX_ON_ANDROID });
    const laptop = await signInElsewhere(user, { "user-agent": SAFARI_ON_MAC });

    await expect(rpc(user.cookie).device.revokeOthers()).resolves.toEqual({ signedOut: 2 });
    await expect(rpc(phone).todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(rpc(laptop).todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const left = await rpc(user.cookie).device.list();
    expect(left).toEqual([expect.objectContaining({ current: true })]);
  });
});
