import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { freshState, ROOT } from "./processes.ts";

/**
 * Startup CPU as wrangler measures it: `wrangler check startup` builds the Worker, runs its
 * top-level code in a local workerd under the profiler and prints the active CPU time.
 */
export function startupCpuMs(config: string): number | undefined {
  const outfile = join(freshState("startup"), "startup.cpuprofile");
  let output: string;
  try {
    output = execFileSync(
      "pnpm",
      ["exec", "wrangler", "check", "startup", "-c", config, "--outfile", outfile],
      { cwd: join(ROOT, "apps/server"), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    // The profiler runs the Worker without its secrets, D1, Durable Objects or Workflows, and
    // the server Worker refuses to start without them (src/startup-check.ts): reported as "-".
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    if (!stderr.includes("cannot be reproduced locally")) throw error;
    console.error(
      `bench: no startup profile for ${config}: its bindings cannot run in the profiler`,
    );
    return undefined;
  }
  const active = output.match(/Active:\s*([\d.]+)\s*ms/);
  if (!active?.[1]) throw new Error(`wrangler check startup printed no active time:\n${output}`);
  return Number(active[1]);
}
