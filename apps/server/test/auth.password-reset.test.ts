import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authPost,
  cookiesFrom,
  countMailTo,
  mailTo,
  ORIGIN,
  randomIp,
  requestPasswordReset,
  resetToken,
  rpc,
  signUp,
  signUpUnverified,
  uniqueEmail,
} from "./fixtures";

describe("password reset", () => {
  it("answers a known and an unknown email the same way, mailing only the real account", async () => {
    const user = await signUp();
    const unknownEmail = uniqueEmail("nobody");
    // Unknown first: mail is sent after the response, so "nothing was mailed" only means
    // something once the later request's mail has landed.
    const unknown = await requestPasswordReset(unknownEmail);
    const known = await requestPasswordReset(user.email);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect((await mailTo(user.email, "Reset your")).body).toContain("/api/auth/reset-password/");
    expect(await countMailTo(unknownEmail)).toBe(0);
  });

  it("greets a confirmed account by its name, and an unconfirmed one without the name it was given", async () => {
    const owner = await signUp({ name: "Ada Lovelace" });
    await requestPasswordReset(owner.email);
    expect((await mailTo(owner.email, "Reset your")).body).toMatch(/^Hello Ada Lovelace,\n/);

    // Nobody has shown they own this address: the name is whatever the sign-up typed.
    const squatted = await signUpUnverified({ name: "WIN A PRIZE at evil.example" });
    await requestPasswordReset(squatted.email);
    const { body } = await mailTo(squatted.email, "Reset your");
    expect(body).toMatch(/^Hello,\n/);
    expect(body).not.toContain("WIN A PRIZE");
  });

  it("keeps the account's API keys (forgetful owners reset too), and its mail says to review them", async () => {
    const user = await signUp();
    const { key } = await rpc(user.cookie).apiKey.create({
      name: "backup script",
      scope: "read",
      password: user.password,
    });
    await requestPasswordReset(user.email);
    expect((await mailTo(user.email, "Reset your")).body).toContain(
      "your passkeys and API keys keep working, so review them in Settings",
    );
    const token = await resetToken(user.email);
    const reset = await authPost("reset-password", { token, newPassword: "a brand new password" });
    expect(reset.status).toBe(200);

    const todos = await SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      headers: { "x-api-key": key, "cf-connecting-ip": randomIp() },
    });
    expect(todos.status).toBe(200);
  });

  it("sets the new password, retires the old one, and signs out every session", async () => {
    const user = await signUp();
    await requestPasswordReset(user.email);
    const token = await resetToken(user.email);

    const reset = await authPost("reset-password", { token, newPassword: "a brand new password" });
    expect(reset.status).toBe(200);

    const token_ = user.cookie.split("; ").find((c) => c.startsWith("better-auth.session_token="));
    await expect(rpc(token_).todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const oldPassword = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(oldPassword.status).toBe(401);
    const newPassword = await authPost("sign-in/email", {
      email: user.email,
      password: "a brand new password",
    });
    expect(newPassword.status).toBe(200);
  });

  it("a reset link works once", async () => {
    const user = await signUp();
    await requestPasswordReset(user.email);
    const token = await resetToken(user.email);
    expect(
      (await authPost("reset-password", { token, newPassword: "first new password" })).status,
    ).toBe(200);
    const again = await authPost("reset-password", { token, newPassword: "second new password" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("using one link voids every other link the account had (say, one an intruder asked for)", async () => {
    const user = await signUp();
    await requestPasswordReset(user.email);
    const older = await resetToken(user.email);
    await requestPasswordReset(user.email);
    await expect.poll(() => resetToken(user.email), { timeout: 10_000 }).not.toBe(older);
    const newer = await resetToken(user.email);

    const reset = await authPost("reset-password", {
      token: newer,
      newPassword: "the owner's new password",
    });
    expect(reset.status).toBe(200);

    const late = await authPost("reset-password", {
      token: older,
      newPassword: "somebody else's password",
    });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: "INVALID_TOKEN" });
    const signIn = (password: string) =>
      authPost("sign-in/email", { email: user.email, password }).then((r) => r.status);
    expect(await signIn("somebody else's password")).toBe(401);
    expect(await signIn("the owner's new password")).toBe(200);
  });
});

describe("changing the password", () => {
  it("signs out every other session even when the client asks to keep them", async () => {
    const user = await signUp();
    const other = await authPost("sign-in/email", { email: user.email, password: user.password });
    const otherToken = cookiesFrom(other)
      .split("; ")
      .find((c) => c.startsWith("better-auth.session_token="));

    const change = await authPost(
      "change-password",
      {
        currentPassword: user.password,
        newPassword: "changed password 1",
        revokeOtherSessions: false,
      },
      { cookie: user.cookie },
    );
    expect(change.status).toBe(200);
    await expect(rpc(otherToken).todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
