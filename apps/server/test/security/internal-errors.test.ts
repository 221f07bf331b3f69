import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/index";
import { ORIGIN, randomIp, signUp } from "../fixtures";
import { expectProblem } from "./helpers";

// A database that fails the way D1 does when something is wrong inside: with SQL and
// table names in the message, which must never reach a client.
const INTERNAL = "D1_ERROR: no such table: user_secrets: SQLITE_ERROR";
const failing = () => Promise.reject(new Error(INTERNAL));
const brokenStatement = {
  bind: () => brokenStatement,
  all: failing,
  first: failing,
  run: failing,
  raw: failing,
};
const brokenD1 = {
  prepare: () => brokenStatement,
  batch: failing,
  exec: failing,
} as unknown as D1Database;

/** The real database, except that writing a todo fails as above. */
const failingTodoWrites = {
  prepare: (sql: string) =>
    /insert into "todo"/i.test(sql) ? brokenStatement : env.DB.prepare(sql),
  batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements),
  exec: (sql: string) => env.DB.exec(sql),
} as unknown as D1Database;

async function callWithBrokenDatabase(path: string, init: RequestInit, db = brokenD1) {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`${ORIGIN}${path}`, init), { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

afterEach(() => vi.restoreAllMocks());

/** The JSON log lines written through `method` while the spy was on. */
function logLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("a failure inside the Worker", () => {
  it("in auth is a 500 problem that names nothing from the inside", async () => {
    const logs = vi.spyOn(console, "log");
    const response = await callWithBrokenDatabase("/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        "cf-connecting-ip": randomIp(),
      },
      body: JSON.stringify({ email: "someone@example.com", password: "long enough password" }),
    });
    const body = await expectProblem(response, 500);
    expect(JSON.stringify(body)).not.toContain("user_secrets");
    expect(logLines(logs)).toContainEqual(
      expect.objectContaining({
        event: "unhandled-error",
        requestId: response.headers.get("x-request-id"),
        causes: [expect.stringContaining("user_secrets")],
      }),
    );
  });

  it("in a procedure is a typed INTERNAL_SERVER_ERROR that names nothing from the inside", async () => {
    const user = await signUp();
    const errors = vi.spyOn(console, "error");
    const response = await callWithBrokenDatabase(
      "/rpc/todo/create",
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: user.cookie,
          "cf-connecting-ip": randomIp(),
        },
        body: JSON.stringify({ json: { text: "Never stored" } }),
      },
      failingTodoWrites,
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ json: { code: "INTERNAL_SERVER_ERROR" } });
    expect(text).not.toMatch(/user_secrets|D1_ERROR|SQLITE|at \w+ \(/);
    // The operator still gets the whole story, under the id the client was given.
    expect(logLines(errors)).toContainEqual(
      expect.objectContaining({
        event: "rpc-error",
        requestId: response.headers.get("x-request-id"),
        causes: [expect.stringContaining("user_secrets")],
      }),
    );
  });
});
