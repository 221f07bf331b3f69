// The platform features as a user meets them: a 5 MB attachment up and down (throughput, and
// whether the Worker's memory stays flat while the bytes stream), and how long a change takes
// to reach an open WebSocket of the same user (live updates).
import { readFileSync } from "node:fs";
import { rpcCall } from "./seed.ts";

const FILE_BYTES = 5 * 1024 * 1024;
const TRANSFERS = 5;
const LIVE_ROUNDS = 20;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MIB = 1024 * 1024;

/** Resident memory of a process, in MiB. */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** Highest RSS seen while `work` runs, sampled every 10 ms. */
async function peakRssDuring<T>(pid: number, work: () => Promise<T>) {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 10);
  try {
    return { result: await work(), peakMiB: peak };
  } finally {
    clearInterval(timer);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export interface FileTransferResult {
  fileMiB: number;
  uploadMiBps: number;
  downloadMiBps: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  /** After the uploads, before the downloads. */
  rssAfterUploadsMiB: number;
  rssAfterMiB: number;
}

/** Uploads then downloads a 5 MB PNG through the app `TRANSFERS` times each; medians count. */
export async function fileTransfer(
  base: string,
  cookie: string,
  pid: number,
): Promise<FileTransferResult> {
  const todo = (await rpcCall(base, "todo/create", { text: "bench files" }, cookie)) as {
    id: string;
  };
  const bytes = new Uint8Array(FILE_BYTES);
  bytes.set(PNG_SIGNATURE);
  const headers = { cookie, origin: base, "cf-connecting-ip": "198.51.100.9" };
  const rssBeforeMiB = rssMiB(pid);
  const { result, peakMiB } = await peakRssDuring(pid, async () => {
    const up: number[] = [];
    const down: number[] = [];
    const ids: string[] = [];
    let afterUploads = Number.NaN;
    for (let i = 0; i < TRANSFERS; i++) {
      const started = performance.now();
      const query = new URLSearchParams({ todoId: todo.id, name: `bench-${i}.png` });
      const response = await fetch(`${base}/api/attachments?${query}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/octet-stream" },
        body: bytes,
      });
      if (response.status !== 201)
        throw new Error(`upload: ${response.status} ${await response.text()}`);
      ids.push(((await response.json()) as { id: string }).id);
      up.push(FILE_BYTES / MIB / ((performance.now() - started) / 1000));
    }
    afterUploads = rssMiB(pid);
    for (const id of ids) {
      const started = performance.now();
      const response = await fetch(`${base}/api/attachments/${id}`, { headers });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength !== FILE_BYTES) {
        throw new Error(`download: ${response.status}, ${body.byteLength} bytes`);
      }
      down.push(FILE_BYTES / MIB / ((performance.now() - started) / 1000));
    }
    return {
      uploadMiBps: median(up),
      downloadMiBps: median(down),
      rssAfterUploadsMiB: afterUploads,
    };
  });
  return {
    fileMiB: FILE_BYTES / MIB,
    ...result,
    rssBeforeMiB,
    rssPeakMiB: peakMiB,
    rssAfterMiB: rssMiB(pid),
  };
}

export interface LiveFanoutResult {
  rounds: number;
  sockets: number;
  p50Ms: number;
  maxMs: number;
}

/** Opens /api/live as a signed-in tab does (Node's WebSocket takes headers, unlike a browser's). */
function openSocket(base: string, cookie: string): Promise<WebSocket> {
  const url = `${base.replace(/^http/, "ws")}/api/live`;
  const Socket = WebSocket as unknown as new (
    url: string,
    init: { headers: Record<string, string> },
  ) => WebSocket;
  const socket = new Socket(url, { headers: { cookie, origin: base } });
  return new Promise((resolve, reject) => {
    socket.addEventListener("open", () => resolve(socket), { once: true });
    socket.addEventListener("error", () => reject(new Error("live socket did not open")), {
      once: true,
    });
  });
}

/**
 * Time from sending `todo.create` to its "changed" message arriving on every one of two open
 * sockets of the same user (two tabs), one round at a time.
 */
export async function liveFanout(base: string, cookie: string): Promise<LiveFanoutResult> {
  const sockets = await Promise.all([openSocket(base, cookie), openSocket(base, cookie)]);
  const latencies: number[] = [];
  try {
    for (let round = 0; round < LIVE_ROUNDS; round++) {
      const arrived = sockets.map(
        (socket) =>
          new Promise<number>((resolve) =>
            socket.addEventListener("message", () => resolve(performance.now()), { once: true }),
          ),
      );
      const sent = performance.now();
      await rpcCall(base, "todo/create", { text: `live ${round}` }, cookie);
      const times = await Promise.race([
        Promise.all(arrived),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("no live message within 5 s")), 5_000),
        ),
      ]);
      latencies.push(Math.max(...times) - sent);
    }
  } finally {
    for (const socket of sockets) socket.close(1000);
  }
  return {
    rounds: LIVE_ROUNDS,
    sockets: sockets.length,
    p50Ms: median(latencies),
    maxMs: Math.max(...latencies),
  };
}
