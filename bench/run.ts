// `pnpm bench`: sizes, startup, throughput and CPU of the production build, side by side with
// two bare Workers measured the same way in the same run. See bench/README.md for how to read it.
// One wrangler process at a time: two at once fight over workerd's ports.
// `pnpm bench --runs 3` repeats every measured scenario three times on the one build and reports
// the median of each figure, and judges the targets (targets.ts) on the median of their per-run
// figures.
// `pnpm bench events` runs only the event scenarios (bench/lib/events.ts) against the server
// Worker, without sizes, SSR or baselines: for a busy machine, or a change to events alone.
import { join } from "node:path";
import { cpuPerCall } from "./lib/cpu.ts";
import { type EventsReport, measureEvents } from "./lib/events.ts";
import { type LoadResult, measure } from "./lib/load.ts";
import { medianOf } from "./lib/median.ts";
import { bareR2Uploads, fileTransfer, liveFanout } from "./lib/platform.ts";
import {
  BASE,
  freshState,
  LOCAL_TRACE_CAPTURE,
  migrate,
  PORT,
  ROOT,
  workerdPid,
  wranglerDev,
  writeResult,
} from "./lib/processes.ts";
import { printEvents, printReport, printTargets, type Report } from "./lib/report.ts";
import { insertLargeUsersTodos, measureScale, seedScaleUsers } from "./lib/scale.ts";
import { rpcCall, type SeededUser, seedUser, signIn } from "./lib/seed.ts";
import * as sizes from "./lib/sizes.ts";
import { measureStartup, SERVER_STARTUP, startupBundle } from "./lib/startup.ts";
import { baseline, rpcCpu, withWorker } from "./lib/workers.ts";
import { judge, RULES_FLOOR, SIGNED_IN_LIST, SSR_TODOS } from "./targets.ts";

const TODOS_FOR_MAIN_USER = 100;
const SSR_USERS = 32;
const TODOS_PER_SSR_USER = 50;
const SIGN_INS = 20;
const SSR_CPU_CALLS = 100;

const SERVER_CONFIG = join(ROOT, "apps/server/wrangler.jsonc");
const WEB_CONFIG = join(ROOT, "apps/web/dist/server/wrangler.json");
const CONSTANT_CONFIG = join(ROOT, "bench/baselines/constant/wrangler.jsonc");
const D1_CONFIG = join(ROOT, "bench/baselines/d1/wrangler.jsonc");
const RULES_FLOOR_CONFIG = join(ROOT, "bench/baselines/rules-floor/wrangler.jsonc");
const R2_PUT_CONFIG = join(ROOT, "bench/baselines/r2-put/wrangler.jsonc");
const LOAD_TEST_TIER = ["--var", "RATE_LIMIT_TIER:loadtest"];

const json = (input: unknown) => JSON.stringify({ json: input });
const LIST_INPUT = { limit: 50 };

/** Entry `i` of a list used in turn; `i` may be negative (warm-up calls). */
const inTurn = <T>(list: T[], i: number) => list[((i % list.length) + list.length) % list.length];

type Bundles = Record<"server" | "web" | "constant", string>;

/** One run of every measured scenario on the build, from an empty D1. */
async function measureRun(run: number, bundles: Bundles, startupDir: string): Promise<Report> {
  const state = freshState("app");
  migrate(state);
  const report: Report = {
    date: new Date().toISOString(),
    localTraceCapture: LOCAL_TRACE_CAPTURE,
    sizes: {
      serverWorker: sizes.serverWorker(),
      webWorker: sizes.webWorker(),
      clientJsTotal: sizes.allClientJs(),
      largestClientChunk: sizes.largestClientChunk(),
      firstLoadJs: { raw: 0, gzip: 0, files: 0, list: [] },
    },
    startup: {},
    load: [],
    cpu: {},
  };

  console.error(`bench run ${run}: startup CPU (wrangler check startup)`);
  report.startupProfiles = join(startupDir, `run-${run}`);
  const startup = measureStartup(bundles, report.startupProfiles);
  report.startup.serverCpuMs = startup.active.server;
  report.startup.webCpuMs = startup.active.web;
  report.startup.constantCpuMs = startup.active.constant;
  report.startup.serverSampledMs = startup.sampled.server;
  report.startup.webSampledMs = startup.sampled.web;
  report.startup.constantSampledMs = startup.sampled.constant;

  // The server Worker alone, with the documented load-test tier, over the same D1 state the
  // web Worker uses below.
  const ssrUsers: SeededUser[] = [];
  console.error(`bench run ${run}: server Worker`);
  const scaleUsers = await withWorker(
    wranglerDev([SERVER_CONFIG], PORT, state, { probePath: "/health", extra: LOAD_TEST_TIER }),
    async (server) => {
      report.startup.serverReadyMs = server.readyMs;
      const user = await seedUser(BASE, 0, TODOS_FOR_MAIN_USER);
      for (let i = 1; i <= SSR_USERS; i++) {
        ssrUsers.push(await seedUser(BASE, i, TODOS_PER_SSR_USER));
      }
      const pid = workerdPid(server.child.pid ?? 0);

      // Warm-up calls get i = -50..-1, measured ones 0..; +100 keeps every address distinct.
      // Each account allows 10 password checks a minute (ADR 112): the sign-ins take turns
      // over the 33 seeded accounts, so none gets more than 3.
      const signInUsers = [user, ...ssrUsers];
      const signInUser = (i: number) => signInUsers[(i + 100) % signInUsers.length] ?? user;
      report.cpu.signInMs = await cpuPerCall(pid, SIGN_INS, (i) =>
        signIn(BASE, signInUser(i), i + 100),
      );
      report.cpu.signedInListMs = await rpcCpu(pid, "todo/list", LIST_INPUT, user.cookie);
      report.cpu.anonymousHealthCheckMs = await rpcCpu(pid, "healthCheck", undefined);

      const auth = { cookies: [user.cookie] };
      report.load.push(await measure("GET /health", `${BASE}/health`));
      report.load.push(
        await measure("rpc healthCheck", `${BASE}/rpc/healthCheck`, {
          method: "POST",
          body: json(undefined),
        }),
      );
      report.load.push(
        await measure(SIGNED_IN_LIST, `${BASE}/rpc/todo/list`, {
          method: "POST",
          body: json(LIST_INPUT),
          ...auth,
        }),
      );
      report.load.push(
        await measure("rpc todo.create (signed in)", `${BASE}/rpc/todo/create`, {
          method: "POST",
          body: json({ text: "Benchmark todo" }),
          ...auth,
        }),
      );
      // Platform features: attachments stream through R2, live updates fan out by DO.
      report.platform = {
        files: await fileTransfer(BASE, user.cookie, pid),
        live: await liveFanout(BASE, user.cookie),
      };

      // Sanity: the seeded list really holds a full page, so the list figure is a page of 50.
      const page = (await rpcCall(BASE, "todo/list", LIST_INPUT, user.cookie)) as {
        items: unknown[];
      };
      if (page.items.length !== 50)
        throw new Error(`todo.list returned ${page.items.length} items`);

      console.error(`bench run ${run}: events (list of 1,000, imports of 5,000)`);
      report.events = await measureEvents(BASE, pid);
      console.error(`bench run ${run}: seeding the scale users`);
      return seedScaleUsers(BASE);
    },
  );
  // No Worker runs on the state now: the large user's 10,000 todos go straight into D1.
  insertLargeUsersTodos(state, scaleUsers.large.id);

  // Web and server Workers as deployed: SSR through the service binding. The server here runs
  // with its default (strict) limits, so the load is spread over many signed-in users.
  console.error(`bench run ${run}: web + server Workers`);
  await withWorker(wranglerDev([WEB_CONFIG, SERVER_CONFIG], PORT, state), async (web) => {
    report.startup.webReadyMs = web.readyMs;
    const html = await fetch(`${BASE}/todos`, { headers: { cookie: ssrUsers[0]?.cookie ?? "" } });
    const body = await html.text();
    if (!body.includes("for user 1<"))
      throw new Error("SSR /todos did not render the user's todos");
    report.sizes.firstLoadJs = sizes.firstLoadJs(body);
    const pid = workerdPid(web.child.pid ?? 0);
    report.cpu.ssrTodosMs = await cpuPerCall(pid, SSR_CPU_CALLS, async (i) => {
      // Not following redirects: a visitor whose cookie no longer signs in gets a 307 to the
      // sign-in page, which must fail the run rather than be measured as `/todos`.
      const page = await fetch(`${BASE}/todos`, {
        headers: { cookie: inTurn(ssrUsers, i)?.cookie ?? "" },
        redirect: "manual",
      });
      if (page.status !== 200) throw new Error(`SSR /todos: ${page.status}`);
      await page.arrayBuffer();
    });
    const ssr = await measure(SSR_TODOS, `${BASE}/todos`, {
      cookies: ssrUsers.map((user) => user.cookie),
    });
    report.load.push(ssr);
    // Refusals under load: keep the Workers' log tail (access lines name status and reason).
    if (ssr.errors > 0) {
      report.ssrLog = writeResult(`${report.date}-run-${run}-ssr.log`, web.log().slice(-200_000));
    }
  });

  console.error(`bench run ${run}: scale (10,000 todos, 2,000 events)`);
  report.scale = await withWorker(
    wranglerDev([SERVER_CONFIG], PORT, state, { probePath: "/health", extra: LOAD_TEST_TIER }),
    (server) => measureScale(BASE, workerdPid(server.child.pid ?? 0), scaleUsers),
  );

  console.error(`bench run ${run}: baselines`);
  const constant = await baseline(CONSTANT_CONFIG, "baseline: constant JSON");
  const d1 = await baseline(D1_CONFIG, "baseline: D1 SELECT 50");
  // What issue 13's rules cost with no app around them (ADR 116): the floor under todo.list.
  const floor = await baseline(RULES_FLOOR_CONFIG, RULES_FLOOR, "session=bench-token");
  report.baselines = { constant: constant.load, d1: d1.load, rulesFloor: floor.load };
  Object.assign(report.startup, { constantReadyMs: constant.readyMs, d1ReadyMs: d1.readyMs });
  Object.assign(report.cpu, {
    constantMs: constant.cpuMs,
    d1Ms: d1.cpuMs,
    rulesFloorMs: floor.cpuMs,
  });
  // The same five uploads into a bare `BUCKET.put(key, request.body)` Worker: what local R2
  // itself costs in memory, next to the app's figure.
  const bareR2 = await withWorker(
    wranglerDev([R2_PUT_CONFIG], PORT, freshState("baseline")),
    (worker) => bareR2Uploads(BASE, workerdPid(worker.child.pid ?? 0)),
  );
  if (report.platform) report.platform.bareR2 = bareR2;
  return report;
}

/** The three Workers' deploy bundles, as `wrangler check startup` profiles them. */
async function startupBundles(): Promise<Bundles> {
  console.error("bench: deploy bundles for the startup profiles");
  return {
    // As deployed to staging, with the secrets that environment requires (throwaway values).
    server: await startupBundle(SERVER_STARTUP),
    web: await startupBundle({ config: WEB_CONFIG }),
    constant: await startupBundle({ config: CONSTANT_CONFIG }),
  };
}

async function main(runs: number) {
  const date = new Date().toISOString();
  const bundles = await startupBundles();
  const startupDir = join(ROOT, "bench/results", `${date.replaceAll(":", "-")}-startup`);
  const reports: Report[] = [];
  for (let run = 1; run <= runs; run++) {
    const report = await measureRun(run, bundles, startupDir);
    reports.push(report);
    // Kept as soon as it is taken: a later run that fails does not lose it.
    writeResult(`${date}-run-${run}.json`, `${JSON.stringify(report, null, 2)}\n`);
  }
  const report: Report = runs === 1 ? (reports[0] as Report) : { ...medianOf(reports), date };
  const targets = judge(reports);

  if (runs > 1) console.log(`\nMedian of ${runs} runs; each run's figures are in the JSON.`);
  printReport(report);
  printTargets(targets, runs);
  const result = { ...report, targets, ...(runs > 1 ? { runs: reports } : {}) };
  const file = writeResult(`${date}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nJSON: ${file}`);
  const loads = reports.flatMap((r) => [...r.load, ...(r.events ? [r.events.listLoad] : [])]);
  const unclean = loads.filter((result: LoadResult) => result.errors > 0);
  if (unclean.length > 0) {
    console.error(`bench: non-2xx answers in ${unclean.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  }
}

/** The event scenarios alone, against the server Worker with the load-test tier. */
async function eventsOnly() {
  const state = freshState("events");
  migrate(state);
  console.error("bench: server Worker, event scenarios only");
  const events: EventsReport = await withWorker(
    wranglerDev([SERVER_CONFIG], PORT, state, { probePath: "/health", extra: LOAD_TEST_TIER }),
    (server) => measureEvents(BASE, workerdPid(server.child.pid ?? 0)),
  );
  const date = new Date().toISOString();
  console.log(`\nBenchmark ${date} (events only)\n`);
  printEvents(events);
  const file = writeResult(`${date}-events.json`, `${JSON.stringify({ date, events }, null, 2)}\n`);
  console.log(`JSON: ${file}`);
  if (events.listLoad.errors > 0) {
    console.error("bench: non-2xx answers in event.list");
    process.exitCode = 1;
  }
}

/** `--runs N` (or `--runs=N`): how many times to measure; 1 by default. */
function runsArgument(args: string[]) {
  const at = args.findIndex((arg) => arg === "--runs" || arg.startsWith("--runs="));
  if (at < 0) return { runs: 1, rest: args };
  const value = args[at]?.includes("=") ? args[at]?.split("=")[1] : args[at + 1];
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`bench: --runs wants a count, got ${value}`);
  const rest = args.filter((_, i) => i !== at && (args[at]?.includes("=") || i !== at + 1));
  return { runs, rest };
}

/** `pnpm bench startup`: the startup step alone (all three Workers, same run), `--runs` times. */
async function startupOnly(runs: number) {
  const date = new Date().toISOString();
  const bundles = await startupBundles();
  const dir = join(ROOT, "bench/results", `${date.replaceAll(":", "-")}-startup`);
  const results = [];
  for (let run = 1; run <= runs; run++) {
    console.error(`bench run ${run}: startup CPU (wrangler check startup)`);
    results.push(measureStartup(bundles, join(dir, `run-${run}`)));
  }
  const startup = medianOf(results);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`\nStartup CPU ${date}, median of ${runs} run(s) of 3 profiles (Active / sampled)`);
  for (const name of ["server", "web", "constant"] as const) {
    console.log(`  ${name.padEnd(9)} ${ms(startup.active[name])} / ${ms(startup.sampled[name])}`);
  }
  const ratio = startup.active.server / startup.active.constant;
  console.log(`  server vs constant (Active): ${ratio.toFixed(2)}x (target 1.3x)`);
  const file = writeResult(
    `${date}-startup.json`,
    `${JSON.stringify({ date, startup, runs: results, profiles: dir }, null, 2)}\n`,
  );
  console.log(`JSON: ${file}; profiles: ${dir}`);
}

const { runs, rest } = runsArgument(process.argv.slice(2));
const scenario = rest[0];
if (scenario === "events") await eventsOnly();
else if (scenario === "startup") await startupOnly(runs);
else if (scenario) throw new Error(`bench: unknown scenario ${scenario} (known: events, startup)`);
else await main(runs);
