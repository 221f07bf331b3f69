import { type ChildProcess, execSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");
const SERVER_DIR = join(ROOT, "apps/server");

/** Where every Worker under the bench answers; one at a time, so one port. */
export const PORT = 3301;
export const BASE = `http://localhost:${PORT}`;

/**
 * Whether wrangler's local trace capture runs under the bench (`X_LOCAL_OBSERVABILITY=true`
 * turns it on; off by default). It is a `wrangler dev` tool, the Local Explorer's
 * Observability tab: Miniflare streams every invocation of every Worker it runs, whatever that
 * Worker's `observability` config says, to a collector Worker in the same workerd process, which
 * writes each span and console line into a local SQLite store. That CPU is neither Worker's and
 * has no counterpart in a Worker's CPU on Cloudflare, so it is left out of every Worker the
 * bench measures, app and baselines alike (docs/decisions/106).
 */
export const LOCAL_TRACE_CAPTURE = process.env.X_LOCAL_OBSERVABILITY === "true";

/** An empty local state folder (D1, rate limits) that no developer data is in. */
export function freshState(label: string) {
  return mkdtempSync(join(tmpdir(), `bench-${label}-`));
}

/** Writes `contents` to bench/results/<name> (git-ignored) and returns the path. */
export function writeResult(name: string, contents: string) {
  const results = join(ROOT, "bench/results");
  mkdirSync(results, { recursive: true });
  const file = join(results, `${name.replaceAll(":", "-")}`);
  writeFileSync(file, contents);
  return file;
}

export interface Started {
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on the probe URL. */
  readyMs: number;
  log: () => string;
}

/** Spawns a command in its own process group and waits until `probe` answers 200. */
export async function startUntilReady(
  command: string,
  args: string[],
  probe: string,
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = started + (options.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(probe)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return { child, readyMs: Math.round(performance.now() - started), log: () => output };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop(child);
  throw new Error(`${command} ${args.join(" ")} never answered ${probe}:\n${output.slice(-2000)}`);
}

/** `wrangler dev` for a config, in its own local state, on a port; ready when `probePath` is 200. */
export function wranglerDev(
  configs: string[],
  port: number,
  state: string,
  options: { probePath?: string; extra?: string[] } = {},
) {
  return startUntilReady(
    "pnpm",
    [
      "exec",
      "wrangler",
      "dev",
      ...configs.flatMap((config) => ["-c", config]),
      "--port",
      String(port),
      "--persist-to",
      state,
      "--show-interactive-dev-session=false",
      ...(options.extra ?? []),
    ],
    `http://localhost:${port}${options.probePath ?? "/"}`,
    { cwd: SERVER_DIR, env: { X_LOCAL_OBSERVABILITY: String(LOCAL_TRACE_CAPTURE) } },
  );
}

export function stop(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

export async function stopAndWait(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  stop(child);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

export function migrate(state: string) {
  execSync(`pnpm exec wrangler d1 migrations apply DB --local --persist-to ${state}`, {
    cwd: SERVER_DIR,
    stdio: "ignore",
  });
}

/**
 * The workerd process that runs the Workers under a wrangler process. `wrangler dev` starts
 * two: a proxy on the public port and the runtime of the Workers themselves, the one started
 * with an inspector. Only the second one's CPU is the Workers' cost.
 */
export function workerdPid(root: number): number {
  const parents = new Map<number, number>();
  const runtimes: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args[0]?.endsWith("/workerd") && args.some((arg) => arg.startsWith("--inspector-addr"))) {
        runtimes.push(Number(entry));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) return true;
    }
    return false;
  };
  const found = runtimes.find(isDescendant);
  if (found === undefined) throw new Error(`no workerd runtime under process ${root}`);
  return found;
}

const TICKS_PER_SECOND = Number(execSync("getconf CLK_TCK").toString().trim());

/** User plus system CPU time a process has used, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
