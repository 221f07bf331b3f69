import { describe, expect, it } from "vitest";
import { authPost, cookiesFrom, linkIn, mailTo, openLink, rpc, signUp } from "./fixtures";

// Every test replays the whole cookie set the browser held before the revocation (session
// token and any cached session data together), as a stolen or stale browser would.

async function signedInBrowser() {
  const user = await signUp();
  const signIn = await authPost("sign-in/email", { email: user.email, password: user.password });
  expect(signIn.status).toBe(200);
  const cookie = cookiesFrom(signIn);
  await expect(rpc(cookie).todo.list({})).resolves.toMatchObject({ items: [] });
  return { user, cookie };
}

const refused = { code: "UNAUTHORIZED", status: 401 };

describe("a revoked session", () => {
  it("is refused on the very next request after sign-out", async () => {
    const { cookie } = await signedInBrowser();
    expect((await authPost("sign-out", {}, { cookie })).status).toBe(200);
    await expect(rpc(cookie).todo.list({})).rejects.toMatchObject(refused);
    await expect(rpc(cookie).account.me()).resolves.toBeNull();
  });

  it("is refused on other devices right after a password change", async () => {
    const { user, cookie: otherDevice } = await signedInBrowser();
    const change = await authPost(
      "change-password",
      { currentPassword: user.password, newPassword: "a changed password" },
      { cookie: user.cookie },
    );
    expect(change.status).toBe(200);
    await expect(rpc(otherDevice).todo.list({})).rejects.toMatchObject(refused);
    // The device that changed it stays signed in (with the fresh cookie it was given).
    await expect(rpc(cookiesFrom(change)).todo.list({})).resolves.toBeDefined();
  });

  it("is refused everywhere right after a password reset", async () => {
    const { user, cookie } = await signedInBrowser();
    await authPost("request-password-reset", { email: user.email, redirectTo: "/reset-password" });
    const link = linkIn((await mailTo(user.email, "Reset your")).body);
    const landing = await openLink(link);
    const token = new URL(landing.headers.get("location") ?? "", link).searchParams.get("token");
    const reset = await authPost("reset-password", { token, newPassword: "a reset password" });
    expect(reset.status).toBe(200);
    await expect(rpc(cookie).todo.list({})).rejects.toMatchObject(refused);
    await expect(rpc(user.cookie).todo.list({})).rejects.toMatchObject(refused);
  });

  it("leaves no cached session-data cookie that could outlive it", async () => {
    const { cookie } = await signedInBrowser();
    expect(cookie).toContain("session_token=");
    expect(cookie).not.toContain("session_data=");
  });
});
