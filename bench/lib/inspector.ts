import { execSync } from "node:child_process";

// V8 CPU profiles of every Worker a `wrangler dev` runs, through workerd's own inspector: one
// Chrome DevTools Protocol session per Worker.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
export async function inspector(url: string) {
  // wrangler's inspector proxy only accepts clients that name an origin; `headers` is Node's
  // (undici's) extension to the WebSocket constructor.
  const socket = new WebSocket(url, { headers: { origin: "http://127.0.0.1" } });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  // workerd's own inspector sends its messages as binary frames.
  socket.binaryType = "arraybuffer";
  const decoder = new TextDecoder();
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  let closed = false;
  socket.addEventListener("close", () => {
    closed = true;
    for (const settle of waiting.values()) settle(undefined);
  });
  socket.addEventListener("message", (event) => {
    const text = typeof event.data === "string" ? event.data : decoder.decode(event.data);
    const message = JSON.parse(text) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? {});
  });
  return {
    /** Resolves with the method's result (undefined once the socket has closed). */
    send<T>(method: string, params: object = {}): Promise<T> {
      const id = nextId++;
      if (closed) return Promise.resolve(undefined as T);
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`inspector: no answer to ${method}`)),
          30_000,
        );
        waiting.set(id, (result) => {
          clearTimeout(timer);
          resolve(result as T);
        });
      });
    },
    close: () => socket.close(),
  };
}

interface Target {
  id: string;
  webSocketDebuggerUrl: string;
}

/**
 * The Workers (`core:user:<name>`) of the workerd process `pid`, from workerd's own inspector.
 * wrangler's inspector proxy lists only one Worker however many run; workerd's own, on a port
 * it picks at start, lists every isolate.
 */
export async function workerdTargets(pid: number): Promise<[string, string][]> {
  const ports = execSync("ss -ltnpH", { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(`pid=${pid},`))
    .map((line) => line.match(/127\.0\.0\.1:(\d+)/)?.[1])
    .filter((port): port is string => port !== undefined);
  for (const port of ports) {
    const targets = await fetch(`http://127.0.0.1:${port}/json/list`, {
      signal: AbortSignal.timeout(2000),
    })
      .then((response) => response.json() as Promise<Target[]>)
      .catch(() => null);
    if (!Array.isArray(targets)) continue;
    const workers = targets.filter((target) => target.id.startsWith("core:user:"));
    if (workers.length > 0)
      return workers.map((target) => [
        target.id.slice("core:user:".length),
        target.webSocketDebuggerUrl,
      ]);
  }
  throw new Error(`workerd ${pid} lists no Worker on its inspector`);
}

/**
 * Profiles the Workers of the `wrangler dev` whose runtime is workerd `pid` at once while
 * `work` runs (1 sample per 100 µs). workerd's inspector takes one session per Worker and
 * wrangler's proxy already holds one of them (the server Worker, with `-c web -c server`):
 * that one is left out and named in `held`; `pnpm bench:profile` profiles it through the proxy.
 */
export async function recordProfiles(pid: number, work: () => Promise<void>) {
  const sessions: { name: string; session: Awaited<ReturnType<typeof inspector>> }[] = [];
  const held: string[] = [];
  for (const [name, url] of await workerdTargets(pid)) {
    const session = await inspector(url);
    // A Worker whose session is held elsewhere never answers.
    const answer = await Promise.race([
      session.send<object | undefined>("Profiler.enable").catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000)),
    ]);
    if (answer === undefined) {
      held.push(name);
      session.close();
    } else sessions.push({ name, session });
  }
  for (const { session } of sessions) {
    await session.send("Profiler.setSamplingInterval", { interval: 100 });
    await session.send("Profiler.start");
  }
  await work();
  const profiles = new Map<string, Profile>();
  for (const { name, session } of sessions) {
    const { profile } = await session.send<{ profile: Profile }>("Profiler.stop");
    profiles.set(name, profile);
    session.close();
  }
  return { profiles, held };
}
