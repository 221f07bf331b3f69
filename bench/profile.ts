// `pnpm bench:profile [rpc|ssr|floor] [calls]`: where a Worker spends its CPU.
//   rpc (default): the server Worker alone serving signed-in `todo.list` calls;
//   floor: the rules' floor baseline (ADR 116) serving its signed-in page the same way, to set
//        beside rpc: what the app spends beyond the floor is what its own code costs;
//   ssr: the web Worker (with the server behind its binding) rendering `/todos` for signed-in
//        users; the profile covers the server Worker, the one wrangler's inspector proxy
//        attaches to (`node bench/ssr.ts profile` profiles the web Worker).
// Records a V8 CPU profile through wrangler's inspector while the Worker serves the calls,
// writes it to bench/results/ (open it in Chrome DevTools or VS Code) and prints the functions
// that take the most time.
import { join } from "node:path";
import { inspector, type Profile, type ProfileNode } from "./lib/inspector.ts";
import {
  BASE,
  freshState,
  migrate,
  PORT,
  ROOT,
  stopAndWait,
  wranglerDev,
  writeResult,
} from "./lib/processes.ts";
import { postRpc, type SeededUser, seedUser } from "./lib/seed.ts";

const INSPECTOR_PORT = 9331;
const FLOOR_CONFIG = "bench/baselines/rules-floor/wrangler.jsonc";
const MODES = ["rpc", "ssr", "floor"] as const;
const MODE = MODES.find((mode) => mode === process.argv[2]) ?? "rpc";
const CALLS = Number(process.argv[3] ?? (MODE === "ssr" ? 200 : 500));
// SSR runs the server with its strict per-user limits (2 RPCs a page), so it rotates users.
const USERS = MODE === "ssr" ? 6 : 1;

function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || "(anonymous)"}:${node.callFrame.lineNumber + 1}`;
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  for (const sample of profile.samples) {
    const leaf = byId.get(sample);
    if (!leaf) continue;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + msPerSample);
    const onStack = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) onStack.add(name(node));
    }
    for (const key of onStack) total.set(key, (total.get(key) ?? 0) + msPerSample);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, ms]) => `  ${(ms / CALLS).toFixed(3).padStart(7)} ms/call  ${key}`)
      .join("\n");
  console.log(`\nSelf time, per call (${CALLS} calls):\n${top(self, 25)}`);
  console.log(`\nInclusive time, per call:\n${top(total, 40)}`);
}

async function main() {
  const state = freshState("profile");
  if (MODE !== "floor") migrate(state);
  const configs = [join(ROOT, MODE === "floor" ? FLOOR_CONFIG : "apps/server/wrangler.jsonc")];
  if (MODE === "ssr") configs.unshift(join(ROOT, "apps/web/dist/server/wrangler.json"));
  const server = await wranglerDev(configs, PORT, state, {
    probePath: MODE === "ssr" ? "/" : "/health",
    extra: ["--var", "RATE_LIMIT_TIER:loadtest", "--inspector-port", String(INSPECTOR_PORT)],
  });
  try {
    const users: SeededUser[] = [];
    // The floor seeds its own session and rows, and signs in with its fixed cookie.
    if (MODE === "floor") users.push({ email: "", password: "", cookie: "session=bench-token" });
    else for (let i = 0; i < USERS; i++) users.push(await seedUser(BASE, i, 50));
    let next = 0;
    const call = async () => {
      const cookie = users[next++ % users.length]?.cookie ?? "";
      const response =
        MODE === "ssr"
          ? await fetch(`${BASE}/todos`, { headers: { cookie }, redirect: "manual" })
          : MODE === "floor"
            ? await fetch(`${BASE}/`, { headers: { cookie } })
            : await postRpc(BASE, "todo/list", { limit: 50 }, cookie);
      if (response.status !== 200) throw new Error(`${MODE}: ${response.status}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 30; i++) await call(); // warm up
    const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const target = targets[0];
    if (!target) throw new Error("wrangler exposed no inspector target");
    const session = await inspector(
      target.webSocketDebuggerUrl.replace("//localhost:", "//127.0.0.1:"),
    );
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 100 });
    await session.send("Profiler.start");
    for (let i = 0; i < CALLS; i++) await call();
    const { profile } = await session.send<{ profile: Profile }>("Profiler.stop");
    session.close();
    const file = writeResult(
      `${MODE}-${new Date().toISOString()}.cpuprofile`,
      JSON.stringify(profile),
    );
    summarize(profile);
    console.log(`\nProfile: ${file}`);
  } finally {
    await stopAndWait(server.child);
  }
}

await main();
