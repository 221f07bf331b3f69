import { SELF } from "cloudflare:test";
import { ORPCError } from "@orpc/server";
import { describe, expect, it } from "vitest";
import committed from "../openapi.json";
import { restProblemBody } from "../src/rest-problem";
import { ORIGIN, randomIp, signUp } from "./fixtures";

const PARTNER = "https://partner.example";

function rest(
  method: string,
  path: string,
  init: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      "cf-connecting-ip": randomIp(),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function spec() {
  const response = await SELF.fetch(`${ORIGIN}/api/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  return JSON.parse(await response.text());
}

describe("the OpenAPI spec at /api/openapi.json", () => {
  it("is the generated OpenAPI 3.1 document, with REST paths for todos and events", async () => {
    const document = await spec();
    expect(document.openapi).toMatch(/^3\.1\./);
    // What is served is the committed file, which test-node/openapi.test.ts validates.
    expect(document).toEqual(committed);
    expect(Object.keys(document.paths).sort()).toEqual([
      "/events",
      "/events/{id}",
      "/todos",
      "/todos/{id}",
    ]);
    expect(Object.keys(document.paths["/todos"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/todos/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(document.paths["/events"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/events/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
  });

  it("describes the API key and the session cookie, and errors as problem details", async () => {
    const document = await spec();
    expect(document.components.securitySchemes).toMatchObject({
      bearerApiKey: { type: "http", scheme: "bearer" },
      headerApiKey: { type: "apiKey", in: "header", name: "x-api-key" },
      sessionCookie: { type: "apiKey", in: "cookie" },
    });
    const notFound = document.paths["/todos/{id}"].patch.responses["404"];
    expect(Object.keys(notFound.content)).toEqual(["application/problem+json"]);
  });
});

describe("REST calls exactly as the spec describes them", () => {
  it("create, list, update and delete a todo with the owner's session", async () => {
    const { cookie } = await signUp();
    const created = await rest("POST", "/todos", { cookie, body: { text: "From REST" } });
    expect(created.status).toBe(201);
    const todo = (await created.json()) as { id: string; text: string; completed: boolean };
    expect(todo).toMatchObject({ text: "From REST", completed: false });

    const list = await rest("GET", "/todos?limit=1", { cookie });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ items: [{ id: todo.id }] });

    const patched = await rest("PATCH", `/todos/${todo.id}`, { cookie, body: { completed: true } });
    expect(await patched.json()).toMatchObject({ id: todo.id, completed: true });
    // Only what is sent changes: new text and a due date, and it stays done.
    const edited = await rest("PATCH", `/todos/${todo.id}`, {
      cookie,
      body: { text: "Edited over REST", dueDate: "2031-03-04" },
    });
    expect(await edited.json()).toMatchObject({
      text: "Edited over REST",
      dueDate: "2031-03-04",
      completed: true,
    });
    const empty = await rest("PATCH", `/todos/${todo.id}`, { cookie, body: {} });
    expect(empty.status).toBe(400);
    const fetched = await rest("GET", `/todos/${todo.id}`, { cookie });
    expect(await fetched.json()).toMatchObject({ id: todo.id, text: "Edited over REST" });

    expect((await rest("DELETE", `/todos/${todo.id}`, { cookie })).status).toBe(200);
    const gone = await rest("PATCH", `/todos/${todo.id}`, { cookie, body: { completed: false } });
    expect(gone.status).toBe(404);
    expect((await rest("GET", `/todos/${todo.id}`, { cookie })).status).toBe(404);
    expect(gone.headers.get("content-type")).toContain("application/problem+json");
    expect(await gone.json()).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("an event's whole life, each call built from its operation in the spec", async () => {
    const document = await spec();
    const { cookie } = await signUp();
    /** The operation the spec names by summary: its method, its path with `{id}` filled in. */
    const call = (summary: string, init: { id?: string; query?: string; body?: unknown } = {}) => {
      for (const [path, item] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
          if ((operation as { summary?: string }).summary !== summary) continue;
          const url = path.replace("{id}", init.id ?? "") + (init.query ?? "");
          return rest(method.toUpperCase(), url, { cookie, body: init.body });
        }
      }
      throw new Error(`the spec has no operation "${summary}"`);
    };
    const fields = {
      title: "Dentist",
      timeZone: "Europe/Paris",
      start: "2099-03-10T09:00",
      end: "2099-03-10T10:00",
    };
    const created = await call("Create an event", { body: fields });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string; startsAt: string };
    expect(event).toMatchObject({ title: "Dentist", start: "2099-03-10T09:00" });
    // 09:00 in Paris in March is 08:00 UTC.
    expect(event.startsAt).toBe("2099-03-10T08:00:00.000Z");

    const listed = await call("List your upcoming or past events", {
      query: "?from=2099-03-01T00:00:00.000Z&limit=5",
    });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ items: [{ id: event.id }] });

    const changed = await call("Change an event", {
      id: event.id,
      body: {
        ...fields,
        title: "Dentist (moved)",
        start: "2099-03-11T09:00",
        end: "2099-03-11T10:00",
      },
    });
    expect(await changed.json()).toMatchObject({ id: event.id, title: "Dentist (moved)" });
    expect(await (await call("Get an event", { id: event.id })).json()).toMatchObject({
      start: "2099-03-11T09:00",
    });

    expect((await call("Delete an event", { id: event.id })).status).toBe(200);
    const gone = await call("Get an event", { id: event.id });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: "NOT_FOUND" });

    const bad = await call("Create an event", { body: { ...fields, end: "2099-03-10T08:00" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers only the operations the spec describes: RPC-only procedures are not REST", async () => {
    const { cookie } = await signUp();
    // Each exists on /rpc; oRPC would answer it at its router path unless filtered.
    for (const path of ["/todo/clearCompleted", "/account/delete", "/event/import"]) {
      const response = await rest("POST", path, { cookie, body: {} });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toContain("application/problem+json");
    }
    const listed = await rest("GET", "/todos", { cookie });
    expect(listed.status).toBe(200);
  });

  it("another user's todo is NOT_FOUND", async () => {
    const owner = await signUp();
    const other = await signUp();
    const created = await rest("POST", "/todos", { cookie: owner.cookie, body: { text: "mine" } });
    const { id } = (await created.json()) as { id: string };
    const response = await rest("DELETE", `/todos/${id}`, { cookie: other.cookie });
    expect(response.status).toBe(404);
  });

  it("bad input is a 400 problem with the issues, never a 500", async () => {
    const { cookie } = await signUp();
    const response = await rest("POST", "/todos", { cookie, body: { text: 42 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: "about:blank",
      status: 400,
      code: "BAD_REQUEST",
      data: { issues: [expect.objectContaining({ path: ["text"] })] },
    });
    const badLimit = await rest("GET", "/todos?limit=lots", { cookie });
    expect(badLimit.status).toBe(400);
  });

  it("two bad fields are both reported at once, each with where it is", async () => {
    const { cookie } = await signUp();
    const response = await rest("POST", "/todos", {
      cookie,
      body: { text: 42, dueDate: "next tuesday" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      detail: string;
      errors: { pointer: string; detail: string }[];
      code: string;
      data: { issues: { path: string[] }[] };
    };
    expect(body.errors.map(({ pointer }) => pointer).sort()).toEqual(["/dueDate", "/text"]);
    for (const error of body.errors) expect(error.detail).toEqual(expect.any(String));
    expect(body.detail).toMatch(/text/);
    expect(body.detail).toMatch(/dueDate/);
    // Typed clients still branch on oRPC's code and issues.
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.data.issues.map(({ path }) => path.join(".")).sort()).toEqual(["dueDate", "text"]);

    // The RPC client's wire format is oRPC's own, without the REST-only fields.
    const rpc = await SELF.fetch(`${ORIGIN}/rpc/todo/create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "cf-connecting-ip": randomIp() },
      body: JSON.stringify({ json: { text: 42, dueDate: "next tuesday" } }),
    });
    expect(rpc.status).toBe(400);
    const rpcBody = (await rpc.json()) as { json: Record<string, unknown> };
    expect(rpcBody.json).toMatchObject({ code: "BAD_REQUEST", defined: true });
    expect(rpcBody.json).not.toHaveProperty("errors");
  });

  it("a field with two problems names both in detail, not only the first", () => {
    const issues = [
      { path: ["name"], message: "Too long" },
      { path: ["name"], message: "Must not start with a space" },
    ];
    const body = restProblemBody(new ORPCError("BAD_REQUEST", { data: { issues } }));
    expect(body.detail).toBe("name is not valid: Too long; Must not start with a space");
    expect(body.errors).toEqual([
      { pointer: "/name", detail: "Too long" },
      { pointer: "/name", detail: "Must not start with a space" },
    ]);
  });

  it("without credentials: 401 problem details", async () => {
    const response = await rest("GET", "/todos");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });
});

describe("CORS for /api/v1", () => {
  const preflight = (origin: string) =>
    SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
        "cf-connecting-ip": randomIp(),
      },
    });

  it("lets a configured third-party origin call with an API key header, never with credentials", async () => {
    const response = await preflight(PARTNER);
    expect(response.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("lets that origin's code read a refusal's headers: the wait, the methods, the key refused", async () => {
    const response = await SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      headers: {
        origin: PARTNER,
        authorization: "Bearer not-a-key",
        "cf-connecting-ip": randomIp(),
      },
    });
    expect(response.status).toBe(401);
    const exposed = response.headers.get("access-control-expose-headers")?.split(/,\s*/) ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining(["x-request-id", "retry-after", "allow", "www-authenticate"]),
    );
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("gives other origins nothing, even the app's trusted cookie origins", async () => {
    expect(
      (await preflight("https://evil.example")).headers.get("access-control-allow-origin"),
    ).toBeNull();
    const trusted = await preflight("http://localhost:3000");
    expect(trusted.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("ignores a session cookie sent from the third-party origin", async () => {
    const { cookie } = await signUp();
    const response = await rest("GET", "/todos", { cookie, headers: { origin: PARTNER } });
    expect(response.status).toBe(401);
  });
});
