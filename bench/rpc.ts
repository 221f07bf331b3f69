// `node bench/rpc.ts [--state DIR] [--baselines]` (after `turbo run build`): CPU per signed-in
// `todo.list` of 50 on the server Worker alone, measured as `pnpm bench` measures it, for
// working on that call without a whole bench run. `--baselines` also measures the bare D1
// Worker and the rules' floor in the same sitting and prints the app's figure beyond each
// (issue 13's "+2 ms" is the one beyond bare D1). To compare two trees, run it in each tree's
// worktree in turn, a few times: only figures from one sitting compare (bench/README.md).
// `--state DIR` keeps the seeded user and its D1 for the next call.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as bench from "./lib/processes.ts";
import { type SeededUser, seedUser } from "./lib/seed.ts";
import { baseline, rpcCpu, withWorker } from "./lib/workers.ts";
import { RULES_FLOOR } from "./targets.ts";

const SERVER_CONFIG = join(bench.ROOT, "apps/server/wrangler.jsonc");
const D1_CONFIG = join(bench.ROOT, "bench/baselines/d1/wrangler.jsonc");
const RULES_FLOOR_CONFIG = join(bench.ROOT, "bench/baselines/rules-floor/wrangler.jsonc");
// The bench's own seeding and tier: one user with 100 todos, a page of 50.
const TODOS = 100;
const LOAD_TEST_TIER = ["--var", "RATE_LIMIT_TIER:loadtest"];

const stateArg = process.argv.indexOf("--state");
const withBaselines = process.argv.includes("--baselines");

async function main() {
  const state = stateArg > 0 ? (process.argv[stateArg + 1] ?? "") : bench.freshState("rpc");
  const userFile = join(state, "rpc-user.json");
  const seeded = existsSync(userFile);
  if (!seeded) bench.migrate(state);
  const started = bench.wranglerDev([SERVER_CONFIG], bench.PORT, state, {
    probePath: "/health",
    extra: LOAD_TEST_TIER,
  });
  const listMs = await withWorker(started, async (server) => {
    let user: SeededUser;
    if (seeded) user = JSON.parse(readFileSync(userFile, "utf8")) as SeededUser;
    else {
      user = await seedUser(bench.BASE, 0, TODOS);
      writeFileSync(userFile, JSON.stringify(user));
    }
    const pid = bench.workerdPid(server.child.pid ?? 0);
    return rpcCpu(pid, "todo/list", { limit: 50 }, user.cookie);
  });
  console.log(`CPU per signed-in todo.list of 50: ${listMs.toFixed(2)} ms`);
  if (withBaselines) {
    const d1 = await baseline(D1_CONFIG, "baseline: D1 SELECT 50");
    const floor = await baseline(RULES_FLOOR_CONFIG, RULES_FLOOR, "session=bench-token");
    const beyond = (ms: number) => `${listMs - ms >= 0 ? "+" : ""}${(listMs - ms).toFixed(2)} ms`;
    console.log(`bare D1 Worker ${d1.cpuMs.toFixed(2)} ms: todo.list ${beyond(d1.cpuMs)}`);
    console.log(`rules' floor ${floor.cpuMs.toFixed(2)} ms: todo.list ${beyond(floor.cpuMs)}`);
  }
  console.log(`state: ${state}`);
}

await main();
