// `pnpm bench`: sizes, startup, throughput and CPU of the production build, side by side with
// two bare Workers measured the same way in the same run. See bench/README.md for how to read it.
// One wrangler process at a time: two at once fight over workerd's ports.
// `pnpm bench events` runs only the event scenarios (bench/lib/events.ts) against the server
// Worker, without sizes, SSR or baselines: for a busy machine, or a change to events alone.
import { join } from "node:path";
import { cpuPerCall } from "./lib/cpu.ts";
import { type EventsReport, measureEvents } from "./lib/events.ts";
import { type LoadResult, measure } from "./lib/load.ts";
import { fileTransfer, liveFanout } from "./lib/platform.ts";
import {
  BASE,
  freshState,
  migrate,
  PORT,
  ROOT,
  type Started,
  stopAndWait,
  workerdPid,
  wranglerDev,
  writeResult,
} from "./lib/processes.ts";
import { printEvents, printReport, type Report } from "./lib/report.ts";
import { postRpc, rpcCall, type SeededUser, seedUser, signIn } from "./lib/seed.ts";
import * as sizes from "./lib/sizes.ts";
import { startupCpuMs } from "./lib/startup.ts";

const TODOS_FOR_MAIN_USER = 100;
const SSR_USERS = 32;
const TODOS_PER_SSR_USER = 50;
const SIGN_INS = 20;
const RPC_CALLS = 400;
const SSR_CPU_CALLS = 100;

const SERVER_CONFIG = join(ROOT, "apps/server/wrangler.jsonc");
const WEB_CONFIG = join(ROOT, "apps/web/dist/server/wrangler.json");
const CONSTANT_CONFIG = join(ROOT, "bench/baselines/constant/wrangler.jsonc");
const D1_CONFIG = join(ROOT, "bench/baselines/d1/wrangler.jsonc");

const json = (input: unknown) => JSON.stringify({ json: input });
const LIST_INPUT = { limit: 50 };

async function withWorker<T>(start: Promise<Started>, use: (worker: Started) => Promise<T>) {
  const worker = await start;
  try {
    return await use(worker);
  } finally {
    await stopAndWait(worker.child);
  }
}

function rpcCpu(pid: number, path: string, input: unknown, cookie = "") {
  return cpuPerCall(pid, RPC_CALLS, async () => {
    await (await postRpc(BASE, path, input, cookie)).arrayBuffer();
  });
}

/** Entry `i` of a list used in turn; `i` may be negative (warm-up calls). */
const inTurn = <T>(list: T[], i: number) => list[((i % list.length) + list.length) % list.length];

/** A bare Worker, started and measured like the app: throughput, then CPU per request. */
function baseline(config: string, name: string) {
  return withWorker(wranglerDev([config], PORT, freshState("baseline")), async (worker) => {
    const load = await measure(name, `${BASE}/`);
    const cpuMs = await cpuPerCall(workerdPid(worker.child.pid ?? 0), RPC_CALLS, async () => {
      await (await fetch(`${BASE}/`)).arrayBuffer();
    });
    return { load, cpuMs, readyMs: worker.readyMs };
  });
}

async function main() {
  const state = freshState("app");
  migrate(state);
  const report: Report = {
    date: new Date().toISOString(),
    sizes: {
      serverWorker: sizes.serverWorker(),
      webWorker: sizes.webWorker(),
      clientJsTotal: sizes.allClientJs(),
      largestClientChunk: sizes.largestClientChunk(),
      firstLoadJs: { raw: 0, gzip: 0, files: 0 },
    },
    startup: {},
    load: [],
    cpu: {},
  };

  console.error("bench: startup CPU (wrangler check startup)");
  report.startup.serverCpuMs = startupCpuMs(SERVER_CONFIG);
  report.startup.webCpuMs = startupCpuMs(WEB_CONFIG);
  report.startup.constantCpuMs = startupCpuMs(CONSTANT_CONFIG);

  // The server Worker alone, with the documented load-test tier, over the same D1 state the
  // web Worker uses below.
  const ssrUsers: SeededUser[] = [];
  console.error("bench: server Worker");
  await withWorker(
    wranglerDev([SERVER_CONFIG], PORT, state, {
      probePath: "/health",
      extra: ["--var", "RATE_LIMIT_TIER:loadtest"],
    }),
    async (server) => {
      report.startup.serverReadyMs = server.readyMs;
      const user = await seedUser(BASE, 0, TODOS_FOR_MAIN_USER);
      for (let i = 1; i <= SSR_USERS; i++) {
        ssrUsers.push(await seedUser(BASE, i, TODOS_PER_SSR_USER));
      }
      const pid = workerdPid(server.child.pid ?? 0);

      // Warm-up calls get i = -50..-1, measured ones 0..; +100 keeps every address distinct.
      report.cpu.signInMs = await cpuPerCall(pid, SIGN_INS, (i) => signIn(BASE, user, i + 100));
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
        await measure("rpc todo.list (50, signed in)", `${BASE}/rpc/todo/list`, {
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

      console.error("bench: events (list of 1,000, imports of 5,000)");
      report.events = await measureEvents(BASE, pid);
    },
  );

  // Web and server Workers as deployed: SSR through the service binding. The server here runs
  // with its default (strict) limits, so the load is spread over many signed-in users.
  console.error("bench: web + server Workers");
  await withWorker(wranglerDev([WEB_CONFIG, SERVER_CONFIG], PORT, state), async (web) => {
    report.startup.webReadyMs = web.readyMs;
    const html = await fetch(`${BASE}/todos`, { headers: { cookie: ssrUsers[0]?.cookie ?? "" } });
    const body = await html.text();
    if (!body.includes("for user 1<"))
      throw new Error("SSR /todos did not render the user's todos");
    report.sizes.firstLoadJs = sizes.firstLoadJs(body);
    const pid = workerdPid(web.child.pid ?? 0);
    report.cpu.ssrTodosMs = await cpuPerCall(pid, SSR_CPU_CALLS, async (i) => {
      const page = await fetch(`${BASE}/todos`, {
        headers: { cookie: inTurn(ssrUsers, i)?.cookie ?? "" },
      });
      if (page.status !== 200) throw new Error(`SSR /todos: ${page.status}`);
      await page.arrayBuffer();
    });
    report.load.push(
      await measure("SSR GET /todos (signed in)", `${BASE}/todos`, {
        cookies: ssrUsers.map((user) => user.cookie),
      }),
    );
  });

  console.error("bench: baselines");
  const constant = await baseline(CONSTANT_CONFIG, "baseline: constant JSON");
  const d1 = await baseline(D1_CONFIG, "baseline: D1 SELECT 50");
  report.baselines = { constant: constant.load, d1: d1.load };
  Object.assign(report.startup, { constantReadyMs: constant.readyMs, d1ReadyMs: d1.readyMs });
  Object.assign(report.cpu, { constantMs: constant.cpuMs, d1Ms: d1.cpuMs });

  printReport(report);
  const file = writeResult(`${report.date}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nJSON: ${file}`);
  const loads = [...report.load, ...(report.events ? [report.events.listLoad] : [])];
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
    wranglerDev([SERVER_CONFIG], PORT, state, {
      probePath: "/health",
      extra: ["--var", "RATE_LIMIT_TIER:loadtest"],
    }),
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

const scenario = process.argv[2];
if (scenario === "events") await eventsOnly();
else if (scenario) throw new Error(`bench: unknown scenario ${scenario} (known: events)`);
else await main();
