import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { freshState, ROOT } from "./processes.ts";

/**
 * Startup CPU as wrangler measures it: `wrangler check startup` builds the Worker, runs its
 * top-level code in a local workerd under the profiler and prints the active CPU time.
 */
export function startupCpuMs(config: string): number {
  const outfile = join(freshState("startup"), "startup.cpuprofile");
  const output = execFileSync(
    "pnpm",
    ["exec", "wrangler", "check", "startup", "-c", config, "--outfile", outfile],
    { cwd: join(ROOT, "apps/server"), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const active = output.match(/Active:\s*([\d.]+)\s*ms/);
  if (!active?.[1]) throw new Error(`wrangler check startup printed no active time:\n${output}`);
  return Number(active[1]);
}
