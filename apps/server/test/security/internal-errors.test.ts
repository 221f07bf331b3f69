import { afterEach, describe, expect, it, vi } from "vitest";
import { ORIGIN, randomIp, signUp } from "../fixtures";
import { brokenD1, callWithDatabase, failingWhere } from "./broken-database";
import { expectProblem } from "./helpers";

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
    const response = await callWithDatabase(brokenD1, "/api/auth/sign-in/email", {
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
    const response = await callWithDatabase(
      failingWhere(/insert into "todo"/i),
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
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ json: { code: "INTERNAL_SERVER_ERROR" } });
    expect(text).not.toMatch(/user_secrets|D1_ERROR|SQLITE|at \w+ \(/);
    // The operator still gets the whole story, under the id the client was given (in the
    // error or its causes: Drizzle wraps a single statement's failure, not a batch's).
    const logged = logLines(errors).find(
      (line) =>
        line.event === "rpc-error" && line.requestId === response.headers.get("x-request-id"),
    );
    expect(JSON.stringify(logged)).toContain("user_secrets");
  });
});
