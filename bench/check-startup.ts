// Fails when the server Worker's startup CPU has grown past its budget in bench/budgets.ts.
// Run by `npm test` (scripts/test.sh) after the size check: the deploy bundle as staging deploys
// it, profiled by wrangler's own startup profiler the way `pnpm bench` does (lib/startup.ts),
// median of three profiles. It judges the sampled figure, not wrangler's "Active": Active adds
// one 25-40 ms gap in the profiler's sampling that comes and goes with the machine's load
// (bench/README.md, "How to read it"), while the samples count the module evaluation itself.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { budgets } from "./budgets.ts";
import { freshState } from "./lib/processes.ts";
import { measureStartup, SERVER_STARTUP, STARTUP_PROFILES, startupBundle } from "./lib/startup.ts";

const started = Date.now();
const bundle = await startupBundle(SERVER_STARTUP);
const profiles = freshState("startup-check");
let figures: ReturnType<typeof measureStartup<"server">>;
try {
  figures = measureStartup({ server: bundle }, profiles);
} finally {
  rmSync(dirname(bundle), { recursive: true, force: true });
}
const sampled = figures.sampled.server;
const budget = budgets.serverStartupSampledMs;
const ok = sampled <= budget;
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `${ok ? "ok  " : "OVER"}  server Worker startup CPU (sampled, median of ${STARTUP_PROFILES}): ${sampled} ms of ${budget} ms (Active ${figures.active.server} ms; ${seconds} s)`,
);
if (ok) {
  rmSync(profiles, { recursive: true, force: true });
} else {
  console.error(
    `check-startup: over budget; see bench/budgets.ts. Profiles (open in DevTools): ${profiles}`,
  );
  process.exit(1);
}
