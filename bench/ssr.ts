// `node bench/ssr.ts [cpu|profile|load] [--state DIR]` (after `turbo run build`): the SSR
// `/todos` figures alone, for working on the page without a whole `pnpm bench` run.
//   cpu:     CPU per page, both Workers (lib/cpu.ts, the bench's own way);
//   profile: a V8 CPU profile of each Worker at once (web and server) while pages render;
//   load:    p50 at 10 connections, then the constant baseline's, and their ratio.
// Seeding 32 users takes a while, so `--state DIR` keeps the D1 state and their cookies in DIR
// and reuses them next time (the build may change in between; the schema may not).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpuPerCall } from "./lib/cpu.ts";
import { recordProfiles } from "./lib/inspector.ts";
import { measure } from "./lib/load.ts";
import * as bench from "./lib/processes.ts";
import { type SeededUser, seedUser } from "./lib/seed.ts";

const MODES = new Set(["cpu", "profile", "load"]);
const mode = MODES.has(process.argv[2] ?? "") ? process.argv[2] : "cpu";
const stateArg = process.argv.indexOf("--state");
const USERS = 32;
const TODOS = 50;
const SERVER_CONFIG = join(bench.ROOT, "apps/server/wrangler.jsonc");
// BENCH_WEB_DIST: another build of the web Worker (a copy of apps/web/dist), to compare two.
const WEB_CONFIG = join(
  process.env.BENCH_WEB_DIST ?? join(bench.ROOT, "apps/web/dist"),
  "server/wrangler.json",
);
const CONSTANT_CONFIG = join(bench.ROOT, "bench/baselines/constant/wrangler.jsonc");
const INSPECTOR_PORT = 9331;

async function main() {
  const state = stateArg > 0 ? (process.argv[stateArg + 1] ?? "") : bench.freshState("ssr");
  const usersFile = join(state, "ssr-users.json");
  const seeded = existsSync(usersFile);
  if (!seeded) bench.migrate(state);
  const web = await bench.wranglerDev([WEB_CONFIG, SERVER_CONFIG], bench.PORT, state, {
    extra: ["--inspector-port", String(INSPECTOR_PORT)],
  });
  let users: SeededUser[];
  try {
    if (seeded) users = JSON.parse(readFileSync(usersFile, "utf8")) as SeededUser[];
    else {
      users = [];
      for (let i = 1; i <= USERS; i++) users.push(await seedUser(bench.BASE, i, TODOS));
      writeFileSync(usersFile, JSON.stringify(users));
    }
    let next = 0;
    const page = async () => {
      const cookie = users[next++ % users.length]?.cookie ?? "";
      // A 307 means the cookie no longer signs in (say, a state seeded under another auth
      // secret): that is the sign-in page, not `/todos`, so it fails instead of being measured.
      const response = await fetch(`${bench.BASE}/todos`, {
        headers: { cookie },
        redirect: "manual",
      });
      if (response.status !== 200) throw new Error(`SSR /todos: ${response.status}`);
      await response.arrayBuffer();
    };
    const pid = bench.workerdPid(web.child.pid ?? 0);
    if (mode === "cpu") {
      const ms = await cpuPerCall(pid, 100, page);
      console.log(`CPU per SSR /todos page, both Workers: ${ms.toFixed(1)} ms`);
    } else if (mode === "profile") {
      for (let i = 0; i < 30; i++) await page();
      const calls = 100;
      const { profiles, held } = await recordProfiles(pid, async () => {
        for (let i = 0; i < calls; i++) await page();
      });
      for (const [name, profile] of profiles) {
        const file = bench.writeResult(
          `ssr-${name}-${new Date().toISOString()}.cpuprofile`,
          JSON.stringify(profile),
        );
        console.log(`${name}: ${file} (${calls} pages)`);
      }
      if (held.length > 0) console.log(`not profiled (held by wrangler's proxy): ${held}`);
    } else {
      const ssr = await measure("SSR /todos", `${bench.BASE}/todos`, {
        cookies: users.map((user) => user.cookie),
      });
      await bench.stopAndWait(web.child);
      const constantWorker = await bench.wranglerDev(
        [CONSTANT_CONFIG],
        bench.PORT,
        bench.freshState("baseline"),
      );
      let constant: Awaited<ReturnType<typeof measure>>;
      try {
        constant = await measure("constant", `${bench.BASE}/`);
      } finally {
        await bench.stopAndWait(constantWorker.child);
      }
      console.log(
        `SSR /todos p50 ${ssr.p50} ms (${ssr.reqPerSec} req/s, non-2xx ${ssr.errors}); ` +
          `constant p50 ${constant.p50} ms (${constant.reqPerSec} req/s); ` +
          `ratio ${(ssr.p50 / constant.p50).toFixed(1)}x`,
      );
    }
  } finally {
    await bench.stopAndWait(web.child);
  }
  console.log(`state: ${state}`);
}

await main();
