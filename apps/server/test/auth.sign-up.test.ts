import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, rpc, signUp, uniqueEmail } from "./fixtures";

const countUsers = (email: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM user WHERE email = ?").bind(email).first<number>("n");

describe("sign-up", () => {
  it("creates the account and signs the new user in with an HttpOnly, SameSite=Lax cookie", async () => {
    const email = uniqueEmail("new");
    const response = await authPost("sign-up/email", {
      name: "New Person",
      email,
      password: "a long enough password",
    });
    expect(response.status).toBe(200);
    expect(await countUsers(email)).toBe(1);

    const sessionCookie = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("better-auth.session_token="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses an email that already has an account and keeps the one account", async () => {
    const existing = await signUp();
    const response = await authPost("sign-up/email", {
      name: "Someone Else",
      email: existing.email,
      password: "another long password",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await countUsers(existing.email)).toBe(1);
  });

  it("refuses a password shorter than 8 characters", async () => {
    const email = uniqueEmail("short");
    const response = await authPost("sign-up/email", { name: "Short", email, password: "1234567" });
    expect(response.status).toBe(400);
    expect(await countUsers(email)).toBe(0);
  });

  it("lets account.me name the signed-in user, and only them", async () => {
    const user = await signUp({ name: "Me Myself" });
    await expect(rpc(user.cookie).account.me()).resolves.toMatchObject({
      name: "Me Myself",
      email: user.email,
    });
    await expect(rpc().account.me()).resolves.toBeNull();
  });
});
