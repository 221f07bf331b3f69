import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./processes.ts";

export const formatKiB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(files: string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const isJs = (file: string) => file.endsWith(".js") || file.endsWith(".mjs");

/**
 * Every JavaScript file of a build output. A missing or empty build would measure as 0 bytes
 * and pass any budget, so it throws instead, naming the folder and how to make it.
 */
function jsFilesOf(dir: string, what: string): string[] {
  const shown = relative(ROOT, dir);
  if (!existsSync(dir))
    throw new Error(`${what}: ${shown} does not exist; run \`pnpm build\` first`);
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile() && isJs(file));
  if (files.length === 0) {
    throw new Error(`${what}: no JavaScript in ${shown}; run \`pnpm build\` first`);
  }
  return files;
}

/**
 * What `wrangler deploy` uploads for the server Worker (its --dry-run --outdir output): the
 * entry module and every chunk of the split build (docs/decisions/097), each gzipped, summed.
 */
export const serverWorker = () =>
  sizeOf(jsFilesOf(join(ROOT, "apps/server/dist"), "server Worker build"));

/** The web Worker's SSR bundle. */
export const webWorker = () =>
  sizeOf(jsFilesOf(join(ROOT, "apps/web/dist/server"), "web Worker SSR build"));

const clientDir = join(ROOT, "apps/web/dist/client");
// The app's chunks. Scalar's browser build (dist/client/api-docs/, build/api-docs-asset.ts) is a
// static file that only the /api/docs page loads: no page of the app ever downloads it. It is
// one 1,230 KiB gzip file (Scalar 1.72.1); Scalar's own chunked build still has a 286 KiB
// chunk, so the 100 KiB largest-chunk rule cannot hold for it (docs/decisions/055).
const clientJs = () =>
  jsFilesOf(clientDir, "web client build").filter(
    (file) => !relative(clientDir, file).startsWith("api-docs/"),
  );

export function allClientJs(): Size {
  return sizeOf(clientJs());
}

export function largestClientChunk(): Size & { file: string } {
  const sized = clientJs().map((file) => ({ file, ...sizeOf([file]) }));
  const largest = sized.sort((a, b) => b.gzip - a.gzip)[0];
  if (!largest) throw new Error("no client JavaScript: build the web app first");
  return { ...largest, file: largest.file.slice(clientDir.length + 1) };
}

export interface FirstLoadJs extends Size {
  files: number;
  /** Each file with its gzip size, largest first: where to look when the total is over. */
  list: { file: string; gzip: number }[];
}

/**
 * The JavaScript a first visit loads: the page's module scripts and preloads, plus every
 * chunk they import statically (dynamic imports load later, on demand, and are not counted).
 */
export function firstLoadJs(html: string): FirstLoadJs {
  const pending = [
    ...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/assets\/([^"]+\.js)"/g),
  ]
    .map((match) => match[1])
    .filter((name): name is string => Boolean(name));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const code = readFileSync(join(clientDir, "assets", name), "utf8");
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
      if (match[1]) pending.push(match[1]);
    }
  }
  const files = [...seen].map((name) => join(clientDir, "assets", name));
  const list = [...seen]
    .map((name) => ({ file: name, gzip: sizeOf([join(clientDir, "assets", name)]).gzip }))
    .sort((a, b) => b.gzip - a.gzip);
  return { ...sizeOf(files), files: files.length, list };
}
