import { env, SELF } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import {
  authPost,
  cookiesFrom,
  ORIGIN,
  randomIp,
  rpc,
  signUp,
  uniqueEmail,
  verifyEmail,
} from "./fixtures";
import { expectProblem } from "./security/helpers";

const report = (body: unknown, ip = randomIp()) =>
  SELF.fetch(`${ORIGIN}/api/log/frontend-error`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });

/** The stored report with this message; reports are written after the response (waitUntil). */
function storedWithMessage(message: string) {
  return vi.waitFor(
    async () => {
      const row = await env.DB.prepare("SELECT * FROM frontend_error WHERE message = ?")
        .bind(message)
        .first();
      if (!row) throw new Error(`no stored report with message "${message}"`);
      return row;
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe("browser error reports", () => {
  it("are accepted without a session and stored with the request id", async () => {
    const message = `TypeError: x is undefined ${crypto.randomUUID()}`;
    const response = await report({
      message,
      url: `${ORIGIN}/todos`,
      stack: "at Todos (todos.js:1:2)",
    });
    expect(response.status).toBe(202);
    expect(await storedWithMessage(message)).toMatchObject({
      url: `${ORIGIN}/todos`,
      request_id: response.headers.get("x-request-id"),
    });
  });

  it("that are malformed or oversized get a 400 problem and store nothing", async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM frontend_error").first<number>(
      "n",
    );
    for (const body of [
      {},
      { message: "", url: ORIGIN },
      { message: "x", url: "not a url" },
      { message: "m".repeat(1001), url: ORIGIN },
    ]) {
      await expectProblem(await report(body), 400);
    }
    // Reports are stored after the response: once a later, valid report has landed, anything
    // the refused ones had queued would have landed too.
    const valid = `valid after refused ${crypto.randomUUID()}`;
    expect((await report({ message: valid, url: ORIGIN })).status).toBe(202);
    await storedWithMessage(valid);
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM frontend_error").first<number>(
      "n",
    );
    expect(after).toBe((before ?? 0) + 1);
  });

  it("from one address are rate limited", async () => {
    const ip = "192.0.2.50";
    let refused: Response | undefined;
    for (let i = 0; i < 41 && !refused; i++) {
      const response = await report({ message: `flood ${i}`, url: ORIGIN }, ip);
      if (response.status === 429) refused = response;
    }
    if (!refused) throw new Error("never limited");
    await expectProblem(refused, 429);
  });

  it("are listed for admins only", async () => {
    const message = `ReferenceError ${crypto.randomUUID()}`;
    await report({ message, url: ORIGIN });
    await storedWithMessage(message);

    const user = await signUp();
    await expect(rpc(user.cookie).admin.frontendErrors.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
    await expect(rpc().admin.frontendErrors.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    const admin = await signUp();
    await env.DB.prepare("UPDATE user SET role = 'admin' WHERE email = ?").bind(admin.email).run();
    // A fresh sign-in, so the session cookie cache carries the new role.
    const signedIn = await authPost("sign-in/email", {
      email: admin.email,
      password: admin.password,
    });
    const errors = await rpc(cookiesFrom(signedIn)).admin.frontendErrors.list({});
    expect(errors.map((error) => error.message)).toContain(message);
  });

  it("cannot make anyone an admin through sign-up", async () => {
    const email = uniqueEmail("climber");
    await authPost("sign-up/email", {
      name: "Climber",
      email,
      password: "a long enough password",
      role: "admin",
    });
    await verifyEmail(email, "a long enough password");
    const role = await env.DB.prepare("SELECT role FROM user WHERE email = ?")
      .bind(email)
      .first("role");
    expect(role).toBe("user");
  });
});
