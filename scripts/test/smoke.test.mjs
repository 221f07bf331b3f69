// The deploy's smoke check against a stand-in origin on this machine: it passes only when
// /health says the server and D1 answered and a page is server-rendered HTML.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";
import { smokeCheck } from "../lib/smoke.mjs";

let origin;
let answers;
const server = createServer((request, response) => {
  const answer = answers[request.url]?.shift() ?? { status: 404, type: "text/plain", body: "" };
  response.writeHead(answer.status, { "content-type": answer.type, "x-request-id": "req-1" });
  response.end(answer.body);
});

const healthy = () => ({ status: 200, type: "application/json", body: '{"status":"ok"}' });
const page = () => ({ status: 200, type: "text/html; charset=utf-8", body: "<html></html>" });
const check = () => smokeCheck(origin, { attempts: 2, intervalMs: 10 });

before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

describe("the deploy smoke check", () => {
  it("passes when /health is ok and /sign-in is a rendered page", async () => {
    answers = { "/health": [healthy()], "/sign-in": [page()] };
    const results = await check();
    assert.deepEqual(
      results.map((r) => [r.path, r.ok, r.requestId]),
      [
        ["/health", true, "req-1"],
        ["/sign-in", true, "req-1"],
      ],
    );
  });

  it("waits for a deploy that answers a moment later", async () => {
    const starting = { status: 503, type: "application/json", body: '{"status":"unavailable"}' };
    answers = { "/health": [starting, healthy()], "/sign-in": [page()] };
    assert.ok((await check()).every((r) => r.ok));
  });

  it("fails when the server reports D1 unavailable", async () => {
    const down = { status: 503, type: "application/json", body: '{"status":"unavailable"}' };
    answers = { "/health": [down, down], "/sign-in": [page()] };
    const [health] = await check();
    assert.equal(health.ok, false);
    assert.equal(health.detail, "HTTP 503");
  });

  it("fails when /health is not the server's (the web Worker rendered a page instead)", async () => {
    answers = { "/health": [page(), page()], "/sign-in": [page()] };
    const [health] = await check();
    assert.equal(health.ok, false);
  });

  it("fails when the page is not HTML", async () => {
    answers = { "/health": [healthy()], "/sign-in": [healthy(), healthy()] };
    const [, signIn] = await check();
    assert.equal(signIn.ok, false);
    assert.match(signIn.detail, /application\/json/);
  });
});
