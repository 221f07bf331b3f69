import { env, SELF } from "cloudflare:test";
import { createApiClient } from "@checkmark/api/client";
import { describe, expect, it } from "vitest";
import { authPost, ORIGIN, randomIp, signedInUser } from "./fixtures";

/**
 * The web app's own client (calls of one tick go as one batched request), with every HTTP
 * response it received, so a test can read what the server said about each request.
 */
function batchingClient(cookie: string) {
  const responses: Response[] = [];
  const ip = randomIp();
  const client = createApiClient({
    baseUrl: ORIGIN,
    headers: { cookie, "cf-connecting-ip": ip },
    batch: true,
    fetch: async (request) => {
      const response = await SELF.fetch(request);
      responses.push(response);
      return response;
    },
  });
  return { client, responses };
}

/** The names of the Server-Timing metrics of a response, in order. */
const timings = (response: Response) =>
  (response.headers.get("server-timing") ?? "")
    .split(",")
    .map((metric) => metric.split(";")[0]?.trim());

const sessionRow = (token: string) =>
  env.DB.prepare("SELECT expires_at AS expiresAt FROM session WHERE token = ?")
    .bind(token)
    .first<{ expiresAt: number }>();

/** The session token inside a Cookie header (the signed cookie is `<token>.<signature>`). */
const tokenOf = (cookie: string) =>
  decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? "").split(".")[0] ?? "";

describe("the session of a signed-in request", () => {
  it("is read once for a whole batch of calls, and every call sees that user", async () => {
    const { cookie, userId, client: single } = await signedInUser();
    await single.todo.create({ text: "first" });
    await single.todo.create({ text: "second" });

    const { client, responses } = batchingClient(cookie);
    const [me, page, firstOnly] = await Promise.all([
      client.account.me(),
      client.todo.list({}),
      client.todo.list({ limit: 1 }),
    ]);

    expect(me?.id).toBe(userId);
    expect(page.items.map((todo) => todo.text).sort()).toEqual(["first", "second"]);
    expect(firstOnly.items).toHaveLength(1);
    // One HTTP request for the three calls, and one session read in it.
    expect(responses).toHaveLength(1);
    expect(new URL(responses[0]?.url ?? "", ORIGIN).pathname).toMatch(/^\/rpc\/.*__batch__$/);
    expect(timings(responses[0] as Response).filter((name) => name === "session")).toHaveLength(1);
  });

  it("is read again on the next request, so a batch after sign-out is refused call by call", async () => {
    const { cookie } = await signedInUser();
    const { client } = batchingClient(cookie);
    await expect(client.todo.list({})).resolves.toMatchObject({ items: [] });

    expect((await authPost("sign-out", {}, { cookie })).status).toBe(200);

    const [me, list] = await Promise.allSettled([client.account.me(), client.todo.list({})]);
    expect(me).toEqual({ status: "fulfilled", value: null });
    expect(list).toMatchObject({ status: "rejected", reason: { code: "UNAUTHORIZED" } });
  });

  it("slides forward when a day of its week has passed, as Better Auth's rules say", async () => {
    const { cookie, client } = await signedInUser();
    const token = tokenOf(cookie);
    // Six days left of seven: the last refresh was more than a day ago.
    const sixDaysLeft = Date.now() + 6 * 24 * 60 * 60 * 1000 - 60_000;
    await env.DB.prepare("UPDATE session SET expires_at = ? WHERE token = ?")
      .bind(sixDaysLeft, token)
      .run();

    await expect(client.todo.list({})).resolves.toMatchObject({ items: [] });

    const row = await sessionRow(token);
    expect(row?.expiresAt).toBeGreaterThan(Date.now() + 6.9 * 24 * 60 * 60 * 1000);
  });

  it("is refused once it has expired, even with a correctly signed cookie", async () => {
    const { cookie, client } = await signedInUser();
    await env.DB.prepare("UPDATE session SET expires_at = ? WHERE token = ?")
      .bind(Date.now() - 1000, tokenOf(cookie))
      .run();

    await expect(client.todo.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(client.account.me()).resolves.toBeNull();
  });
});
