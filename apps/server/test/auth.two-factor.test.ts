import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, cookiesFrom, randomIp, rpc, signUp, type TestUser } from "./fixtures";
import { secretOf, totpCode } from "./totp";
import { turnOnTwoFactor } from "./two-factor-on";

interface Enabled {
  user: TestUser;
  secret: string;
  backupCodes: string[];
}

/** Turns two-factor on as the settings page does: password, then a code from the app. */
async function withTwoFactor(): Promise<Enabled> {
  const user = await signUp();
  const { cookie, secret, backupCodes } = await turnOnTwoFactor(user.cookie, user.password);
  return { user: { ...user, cookie }, secret, backupCodes };
}

/** The password step of a sign-in: for a two-factor account, only a pending-challenge cookie. */
async function passwordStep(user: TestUser, ip = randomIp()) {
  const response = await authPost(
    "sign-in/email",
    { email: user.email, password: user.password },
    { "cf-connecting-ip": ip },
  );
  expect(response.status).toBe(200);
  return {
    body: (await response.json()) as Record<string, unknown>,
    cookie: cookiesFrom(response),
  };
}

describe("turning two-factor sign-in on", () => {
  it("needs the password, then a code from the app, and gives ten backup codes", async () => {
    const user = await signUp();
    const wrongPassword = await authPost(
      "two-factor/enable",
      { password: "not the password" },
      { cookie: user.cookie },
    );
    expect(wrongPassword.status).toBe(400);

    const enable = await authPost(
      "two-factor/enable",
      { password: user.password },
      { cookie: user.cookie },
    );
    const { totpURI, backupCodes } = (await enable.json()) as {
      totpURI: string;
      backupCodes: string[];
    };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Checkmark:/);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    // No look-alike characters (0/O, 1/I/l) to misread when copying one by hand.
    for (const code of backupCodes)
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){2}$/);
    // Not on until a code from the app checks out.
    await expect(rpc(user.cookie).twoFactor.status()).resolves.toEqual({ enabled: false });

    const wrongCode = await authPost(
      "two-factor/verify-totp",
      { code: "000000" },
      { cookie: user.cookie },
    );
    expect(wrongCode.status).toBe(401);
    const rightCode = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(secretOf(totpURI)) },
      { cookie: user.cookie },
    );
    expect(rightCode.status).toBe(200);
    await expect(rpc(cookiesFrom(rightCode)).twoFactor.status()).resolves.toEqual({
      enabled: true,
    });
  });
});

describe("signing in with two-factor on", () => {
  it("asks for a code after the password and starts no session until it is right", async () => {
    const { user, secret } = await withTwoFactor();
    const step = await passwordStep(user);
    expect(step.body).toMatchObject({ twoFactorRedirect: true });
    // The session cookie is cleared; only the pending challenge is set.
    expect(step.cookie).not.toMatch(/session_token=[^;]/);
    await expect(rpc(step.cookie).account.me()).resolves.toBeNull();

    const wrong = await authPost(
      "two-factor/verify-totp",
      { code: "123456" },
      { cookie: step.cookie },
    );
    expect(wrong.status).toBe(401);
    await expect(wrong.json()).resolves.toMatchObject({ code: "INVALID_CODE" });

    // The code of the next 30-second step (accepted for clock drift): enabling used this one.
    const right = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(secret, 1) },
      { cookie: step.cookie },
    );
    expect(right.status).toBe(200);
    await expect(rpc(cookiesFrom(right)).account.me()).resolves.toMatchObject({
      email: user.email,
    });
  });

  it("refuses a code that was already accepted, even within its 30 seconds", async () => {
    const { user, secret } = await withTwoFactor();
    const code = await totpCode(secret, 1);
    const first = await passwordStep(user);
    const accepted = await authPost("two-factor/verify-totp", { code }, { cookie: first.cookie });
    expect(accepted.status).toBe(200);

    const second = await passwordStep(user);
    const replayed = await authPost("two-factor/verify-totp", { code }, { cookie: second.cookie });
    expect(replayed.status).toBe(401);
    await expect(replayed.json()).resolves.toMatchObject({ code: "CODE_ALREADY_USED" });
    await expect(rpc(cookiesFrom(replayed)).account.me()).resolves.toBeNull();
    // The code that turned it on cannot be replayed either (an older step).
    const older = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(secret) },
      { cookie: second.cookie },
    );
    expect(older.status).toBe(401);
  });

  it("accepts each backup code once", async () => {
    const { user, backupCodes } = await withTwoFactor();
    const first = await passwordStep(user);
    const used = await authPost(
      "two-factor/verify-backup-code",
      { code: backupCodes[0] },
      { cookie: first.cookie },
    );
    expect(used.status).toBe(200);
    await expect(rpc(cookiesFrom(used)).account.me()).resolves.toMatchObject({ email: user.email });

    const second = await passwordStep(user);
    const reused = await authPost(
      "two-factor/verify-backup-code",
      { code: backupCodes[0] },
      { cookie: second.cookie },
    );
    expect(reused.status).toBe(401);
    await expect(rpc(cookiesFrom(reused)).account.me()).resolves.toBeNull();
    const another = await authPost(
      "two-factor/verify-backup-code",
      { code: backupCodes[1] },
      { cookie: second.cookie },
    );
    expect(another.status).toBe(200);
  });

  it("takes a backup code typed in lower case, with spaces for dashes, as the code", async () => {
    const { user, backupCodes } = await withTwoFactor();
    const code = backupCodes[2] ?? "";
    const step = await passwordStep(user);
    const typed = await authPost(
      "two-factor/verify-backup-code",
      { code: ` ${code.toLowerCase().replaceAll("-", " ")} ` },
      { cookie: step.cookie },
    );
    expect(typed.status).toBe(200);
    // Spent like any other: the same code as printed is refused next time.
    const again = await passwordStep(user);
    const reused = await authPost(
      "two-factor/verify-backup-code",
      { code },
      { cookie: again.cookie },
    );
    expect(reused.status).toBe(401);
  });

  it("locks the account's codes after 10 wrong ones, whichever IPs they come from", async () => {
    const { user, secret } = await withTwoFactor();
    // Each guess from a new IP, so no per-IP limit is ever met; each sign-in allows 5 guesses.
    for (let round = 0; round < 2; round++) {
      const step = await passwordStep(user);
      for (let guess = 0; guess < 5; guess++) {
        const response = await authPost(
          "two-factor/verify-totp",
          { code: String(100000 + round * 10 + guess) },
          { cookie: step.cookie, "cf-connecting-ip": randomIp() },
        );
        expect(response.status).toBe(401);
      }
    }
    const step = await passwordStep(user);
    const right = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(secret, 1) },
      { cookie: step.cookie, "cf-connecting-ip": randomIp() },
    );
    expect(right.status).toBe(429);
    await expect(right.json()).resolves.toMatchObject({ code: "ACCOUNT_TEMPORARILY_LOCKED" });
    await expect(rpc(cookiesFrom(right)).account.me()).resolves.toBeNull();
  });

  it("limits code attempts from one IP", async () => {
    const { user } = await withTwoFactor();
    const ip = randomIp();
    const statuses: number[] = [];
    for (let guess = 0; guess < 6; guess++) {
      const step = await passwordStep(user);
      const response = await authPost(
        "two-factor/verify-totp",
        { code: String(200000 + guess) },
        { cookie: step.cookie, "cf-connecting-ip": ip },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it("skips the code for 30 days on a device the user chose to trust", async () => {
    const { user, secret } = await withTwoFactor();
    const step = await passwordStep(user);
    const trusted = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(secret, 1), trustDevice: true },
      { cookie: step.cookie },
    );
    expect(trusted.status).toBe(200);
    const trustCookie = trusted.headers
      .getSetCookie()
      .find((cookie) => cookie.includes("trust_device="));
    expect(trustCookie).toMatch(/Max-Age=2592000/);

    const again = await authPost(
      "sign-in/email",
      { email: user.email, password: user.password },
      { cookie: trustCookie?.split(";")[0] ?? "" },
    );
    expect(again.status).toBe(200);
    await expect(rpc(cookiesFrom(again)).account.me()).resolves.toMatchObject({
      email: user.email,
    });
  });
});

describe("turning two-factor sign-in off", () => {
  it("needs the password, and sign-in then asks for no code", async () => {
    const { user } = await withTwoFactor();
    const wrong = await authPost(
      "two-factor/disable",
      { password: "not the password" },
      { cookie: user.cookie },
    );
    expect(wrong.status).toBe(400);
    await expect(rpc(user.cookie).twoFactor.status()).resolves.toEqual({ enabled: true });

    const off = await authPost(
      "two-factor/disable",
      { password: user.password },
      { cookie: user.cookie },
    );
    expect(off.status).toBe(200);
    await expect(rpc(cookiesFrom(off)).twoFactor.status()).resolves.toEqual({ enabled: false });
    const row = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM two_factor JOIN user ON user.id = two_factor.user_id WHERE email = ?",
    )
      .bind(user.email)
      .first<number>("n");
    expect(row).toBe(0);

    const signIn = await passwordStep(user);
    expect(signIn.body).not.toHaveProperty("twoFactorRedirect");
    expect(signIn.cookie).toMatch(/session_token=[^;]/);
  });
});
