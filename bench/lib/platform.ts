// The platform features as a user meets them: a 5 MB attachment up and down (throughput, and
// whether the Worker's memory stays flat while the bytes stream), and how long a change takes
// to reach an open WebSocket of the same user (live updates).
import { readFileSync } from "node:fs";
import { median } from "./median.ts";
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

/** RSS of the workerd process around `TRANSFERS` uploads of a 5 MB PNG, and their speed. */
export interface UploadMemory {
  uploadMiBps: number;
  rssBeforeMiB: number;
  rssAfterUploadsMiB: number;
  /** Highest RSS while the uploads ran, sampled every 10 ms. */
  rssPeakMiB: number;
}

export interface FileTransferResult extends UploadMemory {
  fileMiB: number;
  downloadMiBps: number;
  rssAfterMiB: number;
}

/** A 5 MB body that starts as a PNG, so the app's content check accepts it. */
function pngBytes() {
  const bytes = new Uint8Array(FILE_BYTES);
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

/** `TRANSFERS` uploads, one after another, by `upload(i, bytes)`; median speed, memory around. */
export async function uploadsWithMemory(
  pid: number,
  upload: (i: number, bytes: Uint8Array) => Promise<void>,
): Promise<UploadMemory> {
  const bytes = pngBytes();
  const rssBeforeMiB = rssMiB(pid);
  const { result: speeds, peakMiB } = await peakRssDuring(pid, async () => {
    const speeds: number[] = [];
    for (let i = 0; i < TRANSFERS; i++) {
      const started = performance.now();
      await upload(i, bytes);
      speeds.push(FILE_BYTES / MIB / ((performance.now() - started) / 1000));
    }
    return speeds;
  });
  return {
    uploadMiBps: median(speeds),
    rssBeforeMiB,
    rssAfterUploadsMiB: rssMiB(pid),
    rssPeakMiB: peakMiB,
  };
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
  const headers = { cookie, origin: base, "cf-connecting-ip": "198.51.100.9" };
  const ids: string[] = [];
  const uploads = await uploadsWithMemory(pid, async (i, bytes) => {
    const query = new URLSearchParams({ todoId: todo.id, name: `bench-${i}.png` });
    const response = await fetch(`${base}/api/attachments?${query}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: bytes,
    });
    if (response.status !== 201)
      throw new Error(`upload: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  });
  const { result: down, peakMiB } = await peakRssDuring(pid, async () => {
    const speeds: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      const response = await fetch(`${base}/api/attachments/${id}`, { headers });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength !== FILE_BYTES) {
        throw new Error(`download: ${response.status}, ${body.byteLength} bytes`);
      }
      speeds.push(FILE_BYTES / MIB / ((performance.now() - started) / 1000));
    }
    return speeds;
  });
  return {
    fileMiB: FILE_BYTES / MIB,
    ...uploads,
    rssPeakMiB: Math.max(uploads.rssPeakMiB, peakMiB),
    downloadMiBps: median(down),
    rssAfterMiB: rssMiB(pid),
  };
}

/** The same uploads into the bare `BUCKET.put(key, request.body)` Worker (baselines/r2-put). */
export function bareR2Uploads(base: string, pid: number) {
  return uploadsWithMemory(pid, async (_i, bytes) => {
    const response = await fetch(`${base}/`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    if (response.status !== 201) throw new Error(`bare R2 upload: ${response.status}`);
  });
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
