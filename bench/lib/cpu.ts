import { cpuMs } from "./processes.ts";

const WARM_UP_CALLS = 50;

/**
 * CPU milliseconds the workerd process spends per call of `send`, over `count` calls made one
 * after another. workerd runs the Workers and local D1 in one process, so this is the whole
 * cost of a request on this machine, the database included.
 */
export async function cpuPerCall(pid: number, count: number, send: (i: number) => Promise<void>) {
  // Warm up first: the isolate's JIT and caches, so compiling is not counted as serving.
  for (let i = 0; i < WARM_UP_CALLS; i++) await send(-1 - i);
  const before = cpuMs(pid);
  for (let i = 0; i < count; i++) await send(i);
  return (cpuMs(pid) - before) / count;
}
