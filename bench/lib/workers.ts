// Starting a Worker for a measurement and measuring the bare baselines: shared by `pnpm bench`
// (run.ts) and `node bench/rpc.ts`.
import { cpuPerCall } from "./cpu.ts";
import { measure } from "./load.ts";
import {
  BASE,
  freshState,
  PORT,
  type Started,
  stopAndWait,
  workerdPid,
  wranglerDev,
} from "./processes.ts";
import { postRpc } from "./seed.ts";

export const RPC_CALLS = 400;

/** Runs `use` on a started Worker and stops it afterwards, whatever happens. */
export async function withWorker<T>(start: Promise<Started>, use: (worker: Started) => Promise<T>) {
  const worker = await start;
  try {
    return await use(worker);
  } finally {
    await stopAndWait(worker.child);
  }
}

/** CPU per oRPC call of `path`, the typed client's way, over RPC_CALLS calls. */
export function rpcCpu(pid: number, path: string, input: unknown, cookie = "") {
  return cpuPerCall(pid, RPC_CALLS, async () => {
    await (await postRpc(BASE, path, input, cookie)).arrayBuffer();
  });
}

/** A bare Worker, started and measured like the app: throughput, then CPU per request. */
export function baseline(config: string, name: string, cookie?: string) {
  // A Worker that needs a cookie answers its readiness probe at /health.
  const probePath = cookie ? "/health" : "/";
  const started = wranglerDev([config], PORT, freshState("baseline"), { probePath });
  return withWorker(started, async (worker) => {
    const load = await measure(name, `${BASE}/`, { cookies: cookie ? [cookie] : [] });
    const cpuMs = await cpuPerCall(workerdPid(worker.child.pid ?? 0), RPC_CALLS, async () => {
      const response = await fetch(`${BASE}/`, { headers: cookie ? { cookie } : {} });
      if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
      await response.arrayBuffer();
    });
    return { load, cpuMs, readyMs: worker.readyMs };
  });
}
