import { describe, expect, it } from "vitest";
import { authPost, cookiesFrom, rpc, signUp } from "./fixtures";

describe("sign-in", () => {
  it("with the right password gives a session that reaches the user's todos", async () => {
    const user = await signUp();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(response.status).toBe(200);
    const cookie = cookiesFrom(response);
    await rpc(cookie).todo.create({ text: "made after sign-in" });
    const page = await rpc(cookie).todo.list({});
    expect(page.items.map((todo) => todo.text)).toEqual(["made after sign-in"]);
  });

  it("with a wrong password is refused with 401 and sets no session", async () => {
    const user = await signUp();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: "not the password",
    });
    expect(response.status).toBe(401);
    expect(cookiesFrom(response)).not.toContain("session_token=");
  });

  it("for an unknown email is refused exactly like a wrong password", async () => {
    const user = await signUp();
    const wrong = await authPost("sign-in/email", {
      email: user.email,
      password: "not the password",
    });
    const unknown = await authPost("sign-in/email", {
      email: `nobody-${crypto.randomUUID()}@example.com`,
      password: "not the password",
    });
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it("sign-out ends the session on the server, not just in the browser", async () => {
    const user = await signUp();
    const signOut = await authPost("sign-out", {}, { cookie: user.cookie });
    expect(signOut.status).toBe(200);
    // Replay only the session token (not the short-lived cookie cache): the server must
    // have deleted the session itself.
    const token = user.cookie.split("; ").find((c) => c.startsWith("better-auth.session_token="));
    await expect(rpc(token).todo.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
  });
});
