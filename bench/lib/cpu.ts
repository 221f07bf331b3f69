import { cpuMs } from "./processes.ts";

const WARM_UP_CALLS = 50;
const ROUNDS = 5;

/**
 * CPU milliseconds the workerd process spends per call of `send`, over `count` calls made one
 * after another. workerd runs the Workers and local D1 in one process, so this is the whole
 * cost of a request on this machine, the database included. The calls are split into rounds
 * and the cheapest round counts: other work on the machine only ever adds CPU (cache misses,
 * stolen time), so the least disturbed round is the closest to the Worker's own cost.
 */
export async function cpuPerCall(pid: number, count: number, send: (i: number) => Promise<void>) {
  // Warm up first: the isolate's JIT and caches, so compiling is not counted as serving.
  for (let i = 0; i < WARM_UP_CALLS; i++) await send(-1 - i);
  const perRound = Math.ceil(count / ROUNDS);
  let cheapest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const before = cpuMs(pid);
    for (let i = round * perRound; i < (round + 1) * perRound; i++) await send(i);
    cheapest = Math.min(cheapest, (cpuMs(pid) - before) / perRound);
  }
  return cheapest;
}
