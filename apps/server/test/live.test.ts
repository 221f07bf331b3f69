import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  MAX_SOCKETS_PER_USER,
  REPLACED_BY_NEWER,
  SESSION_ENDED,
  type UserLive,
} from "../src/live/user-live";
import { authPost, cookiesFrom, ORIGIN, randomIp, signedInClient, signUp } from "./fixtures";

/** Opens /api/live as the page does and collects what arrives. */
async function openSocket(cookie: string) {
  const response = await SELF.fetch(`${ORIGIN}/api/live`, {
    headers: { upgrade: "websocket", cookie, origin: ORIGIN, "cf-connecting-ip": randomIp() },
  });
  const socket = response.webSocket;
  if (!socket) throw new Error(`no socket: ${response.status} ${await response.text()}`);
  socket.accept();
  const messages: unknown[] = [];
  socket.addEventListener("message", (event) => {
    messages.push(JSON.parse(String(event.data)));
  });
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener("close", (event) => resolve(event.code)),
  );
  return { socket, messages, closed };
}

let owner: Awaited<ReturnType<typeof signedInClient>>;
beforeAll(async () => {
  owner = await signedInClient();
});

describe("live updates", () => {
  it("tells every open tab of the user about a change, and no other user", async () => {
    const other = await signUp();
    const [first, second, stranger] = await Promise.all([
      openSocket(owner.user.cookie),
      openSocket(owner.user.cookie),
      openSocket(other.cookie),
    ]);
    await owner.client.todo.create({ text: "seen everywhere" });
    const expected = { type: "changed", topic: "todos" };
    await vi.waitFor(() => {
      expect(first.messages).toEqual([expected]);
      expect(second.messages).toEqual([expected]);
    });
    expect(stranger.messages).toEqual([]);
    for (const s of [first, second, stranger]) s.socket.close(1000);
  });

  it("tells the user's tabs when events are created, changed, deleted or imported", async () => {
    const tab = await openSocket(owner.user.cookie);
    const expected = { type: "changed", topic: "events" };
    const times = {
      allDay: false,
      timeZone: "UTC",
      start: "2031-03-03T09:00",
      end: "2031-03-03T10:00",
    };
    const event = await owner.client.event.create({ title: "Live", ...times });
    await vi.waitFor(() => expect(tab.messages).toEqual([expected]));
    await owner.client.event.update({ id: event.id, title: "Live, renamed", ...times });
    await vi.waitFor(() => expect(tab.messages).toHaveLength(2));
    await owner.client.event.delete({ id: event.id });
    await vi.waitFor(() => expect(tab.messages).toHaveLength(3));
    const rows = [{ row: 1, title: "Imported", start: "2031-03-04T09:00:00Z", timeZone: "UTC" }];
    for await (const _ of await owner.client.event.import({ rows })) {
      // Progress only.
    }
    await vi.waitFor(() => expect(tab.messages).toHaveLength(4));
    expect(
      tab.messages.every((message) => JSON.stringify(message) === JSON.stringify(expected)),
    ).toBe(true);
    tab.socket.close(1000);
  });

  it("refuses a socket without a session or from a foreign origin", async () => {
    const anonymous = await SELF.fetch(`${ORIGIN}/api/live`, {
      headers: { upgrade: "websocket", origin: ORIGIN, "cf-connecting-ip": randomIp() },
    });
    expect(anonymous.status).toBe(401);
    const foreign = await SELF.fetch(`${ORIGIN}/api/live`, {
      headers: {
        upgrade: "websocket",
        cookie: owner.user.cookie,
        origin: "https://evil.example",
        "cf-connecting-ip": randomIp(),
      },
    });
    expect(foreign.status).toBe(403);
  });

  it("is for the app's own tabs: an API key opens none, so a program cannot push the user's tabs out", async () => {
    const { key } = await owner.client.apiKey.create({
      name: "script",
      scope: "read",
      password: owner.user.password,
    });
    const tab = await openSocket(owner.user.cookie);
    const keyHeaders: Record<string, string>[] = [
      { authorization: `Bearer ${key}` },
      { "x-api-key": key },
    ];
    for (const header of keyHeaders) {
      const response = await SELF.fetch(`${ORIGIN}/api/live`, {
        headers: { upgrade: "websocket", "cf-connecting-ip": randomIp(), ...header },
      });
      expect(response.status).toBe(403);
      expect(response.webSocket).toBeNull();
    }
    // The tab still hears changes: no key's socket took its place.
    await owner.client.todo.create({ text: "after a key knocked" });
    await vi.waitFor(() => expect(tab.messages).toEqual([{ type: "changed", topic: "todos" }]));
    tab.socket.close(1000);
  });

  it("closes the socket of a session that was signed out", async () => {
    const signIn = await authPost("sign-in/email", {
      email: owner.user.email,
      password: owner.user.password,
    });
    const cookie = cookiesFrom(signIn);
    const live = await openSocket(cookie);
    const kept = await openSocket(owner.user.cookie);
    const signOut = await authPost("sign-out", {}, { cookie });
    expect(signOut.status).toBe(200);

    const stub = env.USER_LIVE.get(env.USER_LIVE.idFromName(owner.userId));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await live.closed).toBe(SESSION_ENDED);
    // The other session's tab stays open and keeps hearing changes.
    await owner.client.todo.create({ text: "after sign-out" });
    await vi.waitFor(() => expect(kept.messages).toHaveLength(1));
    kept.socket.close(1000);
  });

  it(`holds at most ${MAX_SOCKETS_PER_USER} sockets per user: a new one closes the oldest`, async () => {
    const me = await signedInClient();
    const sockets = [];
    for (let i = 0; i <= MAX_SOCKETS_PER_USER; i++) sockets.push(await openSocket(me.user.cookie));
    const [oldest, ...rest] = sockets;
    if (!oldest) throw new Error("no socket");
    const stub = env.USER_LIVE.get(env.USER_LIVE.idFromName(me.userId));
    expect(await stub.changed("todos")).toBe(MAX_SOCKETS_PER_USER);
    expect(await oldest.closed).toBe(REPLACED_BY_NEWER);
    await vi.waitFor(() => {
      for (const tab of rest) expect(tab.messages).toHaveLength(1);
    });
    expect(oldest.messages).toEqual([]);
    for (const tab of rest) tab.socket.close(1000);
  });

  it("checks every open socket's session with one query", async () => {
    const me = await signUp();
    const signIn = async () =>
      cookiesFrom(await authPost("sign-in/email", { email: me.email, password: me.password }));
    const signedOut = await signIn();
    const cookies = [me.cookie, signedOut, await signIn()];
    const tabs = await Promise.all(cookies.map((cookie) => openSocket(cookie)));
    expect((await authPost("sign-out", {}, { cookie: signedOut })).status).toBe(200);

    const userId = (await env.DB.prepare("SELECT id FROM user WHERE email = ?")
      .bind(me.email)
      .first<string>("id")) as string;
    const stub = env.USER_LIVE.get(env.USER_LIVE.idFromName(userId));
    const queries = await runInDurableObject(stub, async (instance: UserLive) => {
      let prepared = 0;
      const held = instance as unknown as { env: Env };
      const db = new Proxy(held.env.DB, {
        get(target, property) {
          if (property === "prepare") prepared++;
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const original = held.env;
      held.env = { ...original, DB: db };
      try {
        await instance.alarm();
      } finally {
        held.env = original;
      }
      return prepared;
    });
    expect(queries).toBe(1);
    expect(await tabs[1]?.closed).toBe(SESSION_ENDED);
    expect(await stub.changed("todos")).toBe(2);
    for (const tab of tabs) tab.socket.close(1000);
  });
});
