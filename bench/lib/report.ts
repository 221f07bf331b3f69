import type { TargetResult } from "../targets.ts";
import type { EventsReport } from "./events.ts";
import type { LoadResult } from "./load.ts";
import type { FileTransferResult, LiveFanoutResult, UploadMemory } from "./platform.ts";
import type { ScaleRow } from "./scale.ts";
import { type FirstLoadJs, formatKiB, type Size } from "./sizes.ts";

export interface Report {
  date: string;
  /** Whether wrangler's local trace capture ran in the measured workerd (processes.ts). */
  localTraceCapture: boolean;
  sizes: {
    serverWorker: Size;
    webWorker: Size;
    clientJsTotal: Size;
    largestClientChunk: Size & { file: string };
    firstLoadJs: FirstLoadJs;
  };
  startup: Partial<
    Record<
      | "serverCpuMs"
      | "webCpuMs"
      | "constantCpuMs"
      | "serverSampledMs"
      | "webSampledMs"
      | "constantSampledMs"
      | "serverReadyMs"
      | "webReadyMs"
      | "constantReadyMs"
      | "d1ReadyMs",
      number
    >
  >;
  /** Where this run's startup profiles are (one .cpuprofile per Worker and profile). */
  startupProfiles?: string;
  /** The Workers' log tail when SSR under load met non-2xx answers. */
  ssrLog?: string;
  load: LoadResult[];
  baselines?: { constant: LoadResult; d1: LoadResult; rulesFloor?: LoadResult };
  platform?: { files: FileTransferResult; live: LiveFanoutResult; bareR2?: UploadMemory };
  events?: EventsReport;
  scale?: ScaleRow[];
  cpu: Partial<
    Record<
      | "signInMs"
      | "signedInListMs"
      | "anonymousHealthCheckMs"
      | "ssrTodosMs"
      | "constantMs"
      | "d1Ms"
      | "rulesFloorMs",
      number
    >
  >;
}

const kb = formatKiB;
/** Non-2xx count, with the statuses when there are any. */
const nonOk = (row: LoadResult) => {
  const codes = Object.entries(row.statuses ?? {}).filter(([code]) => !code.startsWith("2"));
  return row.errors === 0 || codes.length === 0
    ? String(row.errors)
    : `${row.errors} (${codes.map(([code, count]) => `${count}x ${code}`).join(", ")})`;
};
const ms = (value: number | undefined) => (value === undefined ? "-" : `${value.toFixed(1)} ms`);
const ratio = (value: number, base: number | undefined) =>
  base ? `${(value / base).toFixed(2)}x` : "-";

function table(header: string[], rows: string[][]) {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log();
}

/** The event scenarios: agenda list and 5,000-event imports (bench/lib/events.ts). */
export function printEvents(events: EventsReport) {
  table(
    ["Events", "req/s", "p50", "p99", "non-2xx", "CPU per call"],
    [
      [
        events.listLoad.name,
        String(events.listLoad.reqPerSec),
        `${events.listLoad.p50} ms`,
        `${events.listLoad.p99} ms`,
        String(events.listLoad.errors),
        ms(events.listCpuMs),
      ],
    ],
  );
  table(
    ["event.import run", "rows", "imported", "progress events", "wall time", "workerd CPU"],
    events.imports.map((run, i) => [
      String(i + 1),
      String(run.rows),
      String(run.imported),
      String(run.progressEvents),
      `${run.wallMs} ms`,
      `${run.cpuMs} ms`,
    ]),
  );
}

export function printReport(report: Report) {
  const { sizes, startup, cpu, baselines } = report;
  console.log(`\nBenchmark ${report.date}`);
  console.log(
    `wrangler's local trace capture: ${report.localTraceCapture ? "on" : "off (X_LOCAL_OBSERVABILITY=true turns it on)"}\n`,
  );
  table(
    ["Size", "raw", "gzip"],
    [
      ["server Worker upload", kb(sizes.serverWorker.raw), kb(sizes.serverWorker.gzip)],
      ["web Worker SSR bundle", kb(sizes.webWorker.raw), kb(sizes.webWorker.gzip)],
      [
        `first-load JS of /todos (${sizes.firstLoadJs.files} files)`,
        kb(sizes.firstLoadJs.raw),
        kb(sizes.firstLoadJs.gzip),
      ],
      ["all client JS", kb(sizes.clientJsTotal.raw), kb(sizes.clientJsTotal.gzip)],
      [
        `largest client chunk (${sizes.largestClientChunk.file})`,
        kb(sizes.largestClientChunk.raw),
        kb(sizes.largestClientChunk.gzip),
      ],
    ],
  );
  table(
    [
      "Startup",
      "CPU: wrangler check startup (median)",
      "non-idle samples x interval",
      "process start to first 200",
    ],
    [
      [
        "server Worker",
        ms(startup.serverCpuMs),
        ms(startup.serverSampledMs),
        ms(startup.serverReadyMs),
      ],
      ["web Worker", ms(startup.webCpuMs), ms(startup.webSampledMs), "-"],
      ["web + server Workers together", "-", "-", ms(startup.webReadyMs)],
      [
        "baseline: constant",
        ms(startup.constantCpuMs),
        ms(startup.constantSampledMs),
        ms(startup.constantReadyMs),
      ],
      ["baseline: D1", "-", "-", ms(startup.d1ReadyMs)],
    ],
  );
  const rows = [
    ...report.load,
    ...(baselines ? [baselines.constant, baselines.d1] : []),
    ...(baselines?.rulesFloor ? [baselines.rulesFloor] : []),
  ];
  table(
    [
      "Throughput (10 connections, 8 s)",
      "req/s",
      "p50",
      "p99",
      "non-2xx",
      "req/s vs const",
      "req/s vs D1",
      "p50 vs const",
      "p50 vs D1",
    ],
    rows.map((row) => [
      row.name,
      String(row.reqPerSec),
      `${row.p50} ms`,
      `${row.p99} ms`,
      nonOk(row),
      ratio(row.reqPerSec, baselines?.constant.reqPerSec),
      ratio(row.reqPerSec, baselines?.d1.reqPerSec),
      ratio(row.p50, baselines?.constant.p50),
      ratio(row.p50, baselines?.d1.p50),
    ]),
  );
  const beyondD1 = (value: number | undefined) =>
    value === undefined || cpu.d1Ms === undefined ? "-" : `${(value - cpu.d1Ms).toFixed(2)} ms`;
  table(
    ["CPU per request (workerd process)", "CPU", "beyond bare D1 Worker"],
    [
      ["email sign-in (scrypt)", ms(cpu.signInMs), beyondD1(cpu.signInMs)],
      ["signed-in todo.list (50)", ms(cpu.signedInListMs), beyondD1(cpu.signedInListMs)],
      [
        "anonymous healthCheck",
        ms(cpu.anonymousHealthCheckMs),
        beyondD1(cpu.anonymousHealthCheckMs),
      ],
      ["SSR /todos (web + server)", ms(cpu.ssrTodosMs), beyondD1(cpu.ssrTodosMs)],
      ["baseline: constant", ms(cpu.constantMs), beyondD1(cpu.constantMs)],
      ["baseline: D1 SELECT 50", ms(cpu.d1Ms), "0.00 ms"],
      ["baseline: rules' floor", ms(cpu.rulesFloorMs), beyondD1(cpu.rulesFloorMs)],
    ],
  );
  if (report.platform) {
    const { files, live, bareR2: bare } = report.platform;
    const mib = (value: number) => `${value.toFixed(1)} MiB`;
    const grown = (memory: UploadMemory) =>
      `${(memory.rssAfterUploadsMiB - memory.rssBeforeMiB).toFixed(1)} MiB (peak +${(memory.rssPeakMiB - memory.rssBeforeMiB).toFixed(1)})`;
    table(
      ["Platform features", "figure"],
      [
        [
          `attachment upload, ${files.fileMiB} MB (median of 5)`,
          `${files.uploadMiBps.toFixed(1)} MiB/s`,
        ],
        [
          `attachment download, ${files.fileMiB} MB (median of 5)`,
          `${files.downloadMiBps.toFixed(1)} MiB/s`,
        ],
        [
          "workerd RSS before / after 5 uploads / after 5 downloads (peak)",
          `${mib(files.rssBeforeMiB)} / ${mib(files.rssAfterUploadsMiB)} / ${mib(files.rssAfterMiB)} (${mib(files.rssPeakMiB)})`,
        ],
        [
          "workerd RSS growth over the 5 uploads: app / bare R2 put Worker",
          `${grown(files)} / ${bare ? grown(bare) : "-"}`,
        ],
        [
          "bare R2 put Worker: upload (median of 5)",
          bare ? `${bare.uploadMiBps.toFixed(1)} MiB/s` : "-",
        ],
        [
          "bare R2 put Worker: RSS before / after 5 uploads (peak)",
          bare
            ? `${mib(bare.rssBeforeMiB)} / ${mib(bare.rssAfterUploadsMiB)} (${mib(bare.rssPeakMiB)})`
            : "-",
        ],
        [
          `live update, todo.create to message on ${live.sockets} sockets (${live.rounds} rounds)`,
          `p50 ${live.p50Ms.toFixed(1)} ms, max ${live.maxMs.toFixed(1)} ms`,
        ],
      ],
    );
  }
  if (report.events) printEvents(report.events);
  if (report.scale) printScale(report.scale);
}

/** The same lists for a user with 50 rows and one with 10,000 todos and 2,000 events. */
export function printScale(rows: ScaleRow[]) {
  const cell = (figure: { cpuMs: number; p50Ms: number }) =>
    `${figure.cpuMs.toFixed(1)} ms / ${figure.p50Ms.toFixed(1)} ms`;
  table(
    [
      "Scale: CPU per call / p50, one call at a time",
      "50 todos, 50 events",
      "10,000 todos, 2,000 events",
      "CPU large vs small",
    ],
    rows.map((row) => [
      row.name,
      cell(row.small),
      cell(row.large),
      `${(row.large.cpuMs / row.small.cpuMs).toFixed(2)}x`,
    ]),
  );
}

/** Each target of issue 13 with its figure (median over the runs) and whether it holds. */
export function printTargets(results: TargetResult[], runs: number) {
  console.log(`Targets (issue 13), ${runs === 1 ? "one run" : `median of ${runs} runs`}:\n`);
  table(
    ["target", "limit", "figure", "status", ...(runs > 1 ? ["per run"] : [])],
    results.map((result) => [
      result.name,
      result.limit,
      result.shown,
      result.status,
      ...(runs > 1 ? [result.shownRuns.join(", ")] : []),
    ]),
  );
  for (const result of results.filter((r) => r.status !== "HOLDS")) {
    console.log(`${result.status}: ${result.name}; profile: ${result.profile}`);
  }
  // The floor is context, not a verdict: what a Worker with no app code pays for the same rules.
  for (const result of results.filter((r) => r.floor)) {
    console.log(`Rules' floor for "${result.name}" (ADR 116): ${result.floor}`);
  }
  for (const result of results.filter((r) => r.leftOut)) {
    console.log(`Left out of "${result.name}": ${result.leftOut?.join("; ")}`);
  }
}
