import { createExecutionContext, env, SELF } from "cloudflare:test";
import { createApiClient, isDefinedError, safe } from "@checkmark/api/client";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, refusingLimiter, signedInClient } from "./fixtures";

// What a program calling /api/v1 with a key sees when it gets something wrong: one problem
// shape (RFC 9457) from every layer, and words that say what to do.

function call(
  method: string,
  path: string,
  init: { key?: string; body?: BodyInit; type?: string } = {},
) {
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      "cf-connecting-ip": randomIp(),
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.type ? { "content-type": init.type } : {}),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

const json = "application/json";

async function withKeys() {
  const { client, user } = await signedInClient();
  const password = user.password;
  const writer = await client.apiKey.create({ name: "script", scope: "read-write", password });
  const reader = await client.apiKey.create({ name: "reader", scope: "read", password });
  return { client, writer: writer.key, reader: reader.key, readerId: reader.id };
}

/** The body, after checking it is problem details with everything a report needs. */
async function problemOf(response: Response, status: number, title: string, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: "about:blank", title, status, code });
  expect(body.detail).toEqual(expect.any(String));
  expect(body.instance).toMatch(/^\/api\/v1\//);
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
  return body;
}

describe("/api/v1 errors as problem details", () => {
  it("a budget spent inside a procedure (searches): 429 with Retry-After, as the spec says", async () => {
    const { reader } = await withKeys();
    const request = new Request(`${ORIGIN}/api/v1/todos?q=milk`, {
      headers: { "cf-connecting-ip": randomIp(), authorization: `Bearer ${reader}` },
    });
    const spent = { ...env, SEARCH_LIMITER: refusingLimiter, LOADTEST_LIMITER: refusingLimiter };
    const response = await app.fetch(request, spent, createExecutionContext());
    const body = await problemOf(response, 429, "Too Many Requests", "TOO_MANY_REQUESTS");
    expect(body.detail).toMatch(/Too many searches/);
    expect(response.headers.get("retry-after")).toBe("60");
  });

  it("without a key: 401 that says how to send one, with WWW-Authenticate", async () => {
    const response = await call("GET", "/todos");
    const body = await problemOf(response, 401, "Unauthorized", "UNAUTHORIZED");
    expect(body.detail).toMatch(/Authorization: Bearer <key>.*x-api-key/);
    expect(body.instance).toBe("/api/v1/todos");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Checkmark"');
  });

  it("a revoked key: 401 that names the key, over REST and in the typed client", async () => {
    const { client, reader, readerId } = await withKeys();
    expect((await call("GET", "/todos", { key: reader })).status).toBe(200);
    await client.apiKey.revoke({ id: readerId });

    const response = await call("GET", "/todos", { key: reader });
    const body = await problemOf(response, 401, "Unauthorized", "UNAUTHORIZED");
    expect(body.detail).toMatch(/API key is not valid/);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="Checkmark", error="invalid_token"',
    );

    const program = createApiClient({
      baseUrl: ORIGIN,
      apiKey: reader,
      headers: { "cf-connecting-ip": randomIp() },
      fetch: (request) => SELF.fetch(request),
    });
    const [error] = await safe(program.todo.list({}));
    expect(isDefinedError(error) && error.code).toBe("UNAUTHORIZED");
    expect(error?.message).toMatch(/API key is not valid/);
  });

  it("a procedure's refusals carry the reason phrase as title, the path and the request id", async () => {
    const { writer, reader } = await withKeys();
    const readOnly = await call("POST", "/todos", {
      key: reader,
      type: json,
      body: JSON.stringify({ text: "no" }),
    });
    expect((await problemOf(readOnly, 403, "Forbidden", "FORBIDDEN")).detail).toBe(
      "This API key may only read.",
    );
    const missing = await call("GET", "/todos/00000000-0000-7000-8000-000000000000", {
      key: writer,
    });
    expect((await problemOf(missing, 404, "Not Found", "NOT_FOUND")).instance).toBe(
      "/api/v1/todos/00000000-0000-7000-8000-000000000000",
    );
    const malformed = await call("POST", "/todos", { key: writer, type: json, body: '{"text":' });
    await problemOf(malformed, 400, "Bad Request", "BAD_REQUEST");
  });

  it("the pipeline's refusals (wrong content type, body over 1 MB) have the same shape and a code", async () => {
    const { writer } = await withKeys();
    const text = await call("POST", "/todos", {
      key: writer,
      type: "text/plain",
      body: '{"text":"x"}',
    });
    await problemOf(text, 415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE");
    const big = await call("POST", "/todos", {
      key: writer,
      type: json,
      body: JSON.stringify({ text: "a".repeat(1024 * 1024 + 1) }),
    });
    expect((await problemOf(big, 413, "Content Too Large", "PAYLOAD_TOO_LARGE")).detail).toBe(
      "The body may be at most 1 MB.",
    );
  });

  it("a method the path does not have: 405 with Allow; an unknown path: 404", async () => {
    const { writer } = await withKeys();
    const put = await call("PUT", "/todos", { key: writer, type: json, body: "{}" });
    await problemOf(put, 405, "Method Not Allowed", "METHOD_NOT_SUPPORTED");
    expect(put.headers.get("allow")).toBe("GET, POST");
    const post = await call("POST", "/events/00000000-0000-7000-8000-000000000000", {
      key: writer,
      type: json,
      body: "{}",
    });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PATCH, DELETE");
    await problemOf(await call("GET", "/todo", { key: writer }), 404, "Not Found", "NOT_FOUND");
    // A trailing slash is the same path, for the operations and for the 405 alike.
    expect((await call("GET", "/todos/", { key: writer })).status).toBe(200);
    const putSlash = await call("PUT", "/todos/", { key: writer, type: json, body: "{}" });
    expect(putSlash.status).toBe(405);
  });

  it("query parameters that are not what they should be say what they should be", async () => {
    const { writer } = await withKeys();
    const from = await problemOf(
      await call("GET", "/events?from=yesterday", { key: writer }),
      400,
      "Bad Request",
      "BAD_REQUEST",
    );
    expect(from.errors).toEqual([{ pointer: "/from", detail: expect.stringMatching(/ISO 8601/) }]);
    const limit = await problemOf(
      await call("GET", "/todos?limit=lots", { key: writer }),
      400,
      "Bad Request",
      "BAD_REQUEST",
    );
    expect(limit.errors).toEqual([
      { pointer: "/limit", detail: "Use a whole number from 1 to 100." },
    ]);
  });

  it("an event with a bad title, start and end: one 400 that names all three", async () => {
    const { writer } = await withKeys();
    const good = {
      title: "Planning",
      timeZone: "Europe/Berlin",
      start: "2031-06-02T09:00",
      end: "2031-06-02T10:30",
    };
    const bad = { ...good, title: "", start: "tomorrow", end: "2031-06-02T25:00" };
    const expected = [
      { pointer: "/title", detail: "Give the event a title." },
      { pointer: "/start", detail: expect.stringMatching(/date and time like/) },
      { pointer: "/end", detail: expect.stringMatching(/date and time like/) },
    ];
    const created = await problemOf(
      await call("POST", "/events", { key: writer, type: json, body: JSON.stringify(bad) }),
      400,
      "Bad Request",
      "BAD_REQUEST",
    );
    expect(created.errors).toEqual(expected);
    expect(created.detail).toBe("3 fields are not valid: title, start, end.");

    const stored = await call("POST", "/events", {
      key: writer,
      type: json,
      body: JSON.stringify(good),
    });
    const { id } = (await stored.json()) as { id: string };
    const replaced = await problemOf(
      await call("PATCH", `/events/${id}`, { key: writer, type: json, body: JSON.stringify(bad) }),
      400,
      "Bad Request",
      "BAD_REQUEST",
    );
    expect(replaced.errors).toEqual(expected);

    // The typed client gets the same issues as a BAD_REQUEST it can branch on.
    const program = createApiClient({
      baseUrl: ORIGIN,
      apiKey: writer,
      headers: { "cf-connecting-ip": randomIp() },
      fetch: (request) => SELF.fetch(request),
    });
    for (const [error] of [
      await safe(program.event.create(bad)),
      await safe(program.event.update({ ...bad, id })),
    ]) {
      if (!isDefinedError(error) || error.code !== "BAD_REQUEST") {
        throw new Error(`expected BAD_REQUEST, got ${String(error)}`);
      }
      expect(error.data?.issues.map(({ path }) => path?.join("."))).toEqual([
        "title",
        "start",
        "end",
      ]);
    }
  });

  it("a cursor used with another sort is refused with the reason", async () => {
    const { writer } = await withKeys();
    for (const text of ["one", "two"]) {
      await call("POST", "/todos", { key: writer, type: json, body: JSON.stringify({ text }) });
    }
    const first = (await (await call("GET", "/todos?limit=1", { key: writer })).json()) as {
      nextCursor: string;
    };
    const cursor = encodeURIComponent(first.nextCursor);
    const next = await call("GET", `/todos?limit=1&cursor=${cursor}`, { key: writer });
    expect(await next.json()).toMatchObject({ items: [{ text: "one" }], nextCursor: null });
    const otherSort = await call("GET", `/todos?limit=1&sort=due&cursor=${cursor}`, {
      key: writer,
    });
    const body = await problemOf(otherSort, 400, "Bad Request", "BAD_REQUEST");
    expect(body.detail).toMatch(/with its sort/);
  });

  it("odd input of many shapes is a 4xx problem, never a 500 or a stack trace", async () => {
    const { writer } = await withKeys();
    const id = "00000000-0000-7000-8000-000000000000";
    const cursor = (json: string) => btoa(json).replaceAll("+", "-").replaceAll("/", "_");
    const cases: [string, string, string?][] = [
      ["GET", "/todos?limit=1e400"],
      ["GET", "/todos?limit=1.5"],
      ["GET", "/todos?limit=-1"],
      ["GET", "/todos?limit=1&limit=2"],
      ["GET", "/todos?sort[]=due"],
      ["GET", `/todos?q=${"x".repeat(101)}`],
      ["GET", `/todos?cursor=${cursor('["newest","x","y"]')}`],
      ["GET", `/todos?cursor=${cursor('["newest",1e400,null]')}`],
      ["GET", `/todos?cursor=${cursor("{}")}`],
      ["GET", "/todos?cursor=%E0%A4%A"],
      ["GET", "/events?from=99999-01-01T00:00:00Z"],
      ["GET", `/events?cursor=${cursor('["upcoming",{},{}]')}`],
      ["GET", "/todos/%00"],
      ["POST", "/todos", '{"text":"ok","dueDate":"2026-02-30"}'],
      ["POST", "/todos", '{"text":{"nested":[1,2,3]}}'],
      ["POST", "/todos", '{"__proto__":{"text":"x"}}'],
      ["POST", "/todos", "null"],
      ["POST", "/todos", '"just a string"'],
      ["PATCH", `/todos/${id}`, "[]"],
      ["PATCH", `/todos/${id}`, '{"dueDate":"tomorrow"}'],
      ["POST", "/events", '{"title":"x","timeZone":"UTC","start":"9999-99-99T99:99","end":"x"}'],
      [
        "POST",
        "/events",
        '{"title":"x","timeZone":"UTC","allDay":true,"start":"2026-01-01T09:00","end":"2026-01-01"}',
      ],
      [
        "POST",
        "/events",
        '{"title":"x","timeZone":"Etc/GMT+99","start":"2026-01-01T09:00","end":"2026-01-01T10:00"}',
      ],
      ["PATCH", `/events/${id}`, '{"title":"x"}'],
    ];
    for (const [method, path, body] of cases) {
      const response = await call(method, path, {
        key: writer,
        ...(body === undefined ? {} : { type: json, body }),
      });
      const name = `${method} ${path} ${body ?? ""}`;
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(response.status, name).toBeLessThan(500);
      expect(response.headers.get("content-type"), name).toBe("application/problem+json");
      const problem = (await response.json()) as { detail?: string; code?: string };
      expect(problem.code, name).toEqual(expect.any(String));
      expect(JSON.stringify(problem), name).not.toMatch(/at \w+ \(|\.ts:\d+|SQLITE|D1_/);
    }
  });
});
