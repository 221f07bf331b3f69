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

const report = (body: unknown, ip = randomIp(), headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}/api/log/frontend-error`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "cf-connecting-ip": ip,
      ...headers,
    },
    body: JSON.stringify(body),
  });

interface StoredError {
  id: string;
  message: string;
  stack: string | null;
  url: string;
  user_agent: string | null;
  request_id: string;
  count: number;
  created_at: number;
  last_seen_at: number;
}

function rowsWithMessage(message: string) {
  return env.DB.prepare("SELECT * FROM frontend_error WHERE message = ? ORDER BY created_at")
    .bind(message)
    .all<StoredError>()
    .then((result) => result.results);
}

/** The stored row for `message`, once the store after the 202 (waitUntil) has happened. */
function storedWithMessage(message: string) {
  return vi.waitFor(async () => {
    const [row] = await rowsWithMessage(message);
    if (!row) throw new Error(`not stored yet: ${message}`);
    return row;
  });
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
    const stored = await storedWithMessage(message);
    expect(stored).toMatchObject({
      url: `${ORIGIN}/todos`,
      request_id: response.headers.get("x-request-id"),
      count: 1,
    });
    expect(stored.last_seen_at).toBe(stored.created_at);
  });

  it("keep only the page's origin and path: a token in the query or fragment is never stored", async () => {
    const message = `Error on reset ${crypto.randomUUID()}`;
    const response = await report({
      message,
      url: `${ORIGIN}/reset-password?token=secret-token-value&x=1#secret-fragment`,
    });
    expect(response.status).toBe(202);
    const stored = await storedWithMessage(message);
    expect(stored.url).toBe(`${ORIGIN}/reset-password`);
    expect(JSON.stringify(stored)).not.toContain("secret");
  });

  it("drop the query and fragment of every URL inside the message and stack, keeping frames' lines", async () => {
    const id = crypto.randomUUID();
    const link = "https://x.example/reset-password?token=SECRET#frag";
    const response = await report({
      message: `Failed to load ${link} ${id}`,
      url: `${ORIGIN}/reset-password`,
      stack: `Error: Failed to load ${link}\n    at load (https://x.example/app.js?v=SECRET:10:5)\n    at go@/assets/x.js#SECRET:3:4`,
    });
    expect(response.status).toBe(202);
    const stored = await storedWithMessage(`Failed to load https://x.example/reset-password ${id}`);
    expect(stored.stack).toBe(
      "Error: Failed to load https://x.example/reset-password\n    at load (https://x.example/app.js:10:5)\n    at go@/assets/x.js:3:4",
    );
    expect(JSON.stringify(stored)).not.toMatch(/SECRET|frag/);
  });

  it("that flood in as repeats of one error cost one row and a count", async () => {
    const message = `Flood ${crypto.randomUUID()}`;
    const body = {
      message,
      url: `${ORIGIN}/todos`,
      stack: `Error: ${message}\n    at x (a.js:1:1)`,
    };
    const responses = await Promise.all(Array.from({ length: 30 }, () => report(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(30).fill(202));

    await expect
      .poll(async () => (await rowsWithMessage(message)).map((row) => row.count))
      .toEqual([30]);
  });

  it("repeated keep when the error was first seen and take the newest request, browser and time", async () => {
    const message = `Repeat ${crypto.randomUUID()}`;
    await report({ message, url: `${ORIGIN}/todos?a=1` }, randomIp(), { "user-agent": "Old/1" });
    const first = await storedWithMessage(message);
    const again = await report({ message, url: `${ORIGIN}/todos?b=2` }, randomIp(), {
      "user-agent": "New/2",
    });

    await expect.poll(async () => (await storedWithMessage(message)).count).toBe(2);
    const stored = await storedWithMessage(message);
    expect(stored).toMatchObject({
      id: first.id,
      created_at: first.created_at,
      user_agent: "New/2",
      request_id: again.headers.get("x-request-id"),
    });
    expect(stored.last_seen_at).toBeGreaterThanOrEqual(first.last_seen_at);
  });

  it("are one error when message, first stack frame and page match, and separate otherwise", async () => {
    const message = `Fingerprint ${crypto.randomUUID()}`;
    const stack = (...frames: string[]) =>
      [`Error: ${message}`, ...frames.map((frame) => `    at ${frame}`)].join("\n");
    const reports = [
      // The same error reached by two different callers: one row.
      { message, url: `${ORIGIN}/todos`, stack: stack("f (app.js:1:2)", "g (app.js:3:4)") },
      { message, url: `${ORIGIN}/todos`, stack: stack("f (app.js:1:2)", "h (app.js:9:9)") },
      // Thrown elsewhere: its own row.
      { message, url: `${ORIGIN}/todos`, stack: stack("k (app.js:5:6)") },
      // On another page: its own row.
      { message, url: `${ORIGIN}/settings`, stack: stack("f (app.js:1:2)") },
    ];
    for (const body of reports) expect((await report(body)).status).toBe(202);

    await expect
      .poll(async () => (await rowsWithMessage(message)).map((row) => row.count).sort())
      .toEqual([1, 1, 2]);
  });

  it("that are malformed or oversized get a 400 problem and store nothing", async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM frontend_error").first<number>(
      "n",
    );
    for (const body of [
      {},
      { message: "", url: ORIGIN },
      { message: "x", url: "not a url" },
      { message: "x", url: "javascript:alert(1)" },
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

  it("are listed for admins only, most recently seen first", async () => {
    const message = `ReferenceError ${crypto.randomUUID()}`;
    await report({ message, url: ORIGIN });
    await storedWithMessage(message);
    // First seen long ago but seen again a minute ago, against one seen once an hour ago.
    const now = Date.now();
    const recurring = `Recurring ${crypto.randomUUID()}`;
    const once = `Once ${crypto.randomUUID()}`;
    for (const [text, count, firstSeen, lastSeen] of [
      [recurring, 7, now - 10 * 86_400_000, now - 60_000],
      [once, 1, now - 3_600_000, now - 3_600_000],
    ] as const) {
      await env.DB.prepare(
        "INSERT INTO frontend_error (id, fingerprint, message, url, request_id, count, created_at, last_seen_at) VALUES (?, ?, ?, ?, 'req', ?, ?, ?)",
      )
        .bind(crypto.randomUUID(), crypto.randomUUID(), text, ORIGIN, count, firstSeen, lastSeen)
        .run();
    }

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
    const errors = await rpc(cookiesFrom(signedIn)).admin.frontendErrors.list({ limit: 200 });
    const messages = errors.map((error) => error.message);
    expect(messages).toContain(message);
    expect(messages.indexOf(recurring)).toBeLessThan(messages.indexOf(once));
    expect(errors.find((error) => error.message === recurring)).toMatchObject({
      count: 7,
      createdAt: new Date(now - 10 * 86_400_000),
      lastSeenAt: new Date(now - 60_000),
    });
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
