// Startup CPU as Cloudflare limits it, measured by wrangler's own startup profiler.
//
// `wrangler check startup` builds the deploy bundle (`wrangler deploy --dry-run`), evaluates its
// top-level code in a local workerd under the V8 profiler and prints the active CPU time. Run
// as is, it cannot start the server Worker: a dry run carries no secrets, and the profiler
// leaves out Durable Object, Workflow and id-less D1 bindings, so the startup check
// (apps/server/src/startup-check.ts) refuses to load, as it should anywhere a binding is gone.
// So the bench hands the profiler the bundle a deployed environment would have:
//   - secrets as `wrangler deploy --secrets-file` adds them (throwaway values; startup only
//     checks that they are set);
//   - each binding the profiler cannot build replaced by a stand-in that answers 503, the same
//     stand-in wrangler's profiler already uses for service bindings. Startup only checks that
//     each binding is there and calls none of them; a call to one would fail the profile.
// The code profiled is the deploy bundle byte for byte, under the same profiler, for every
// Worker and baseline alike, so their figures compare. For the server that bundle is the split
// build (entry plus chunks, docs/decisions/097): the dry run runs wrangler.jsonc's build command
// itself, and the profiler loads the chunks beside the entry as a deploy would.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { median } from "./median.ts";
import { freshState, ROOT } from "./processes.ts";

const SERVER_DIR = join(ROOT, "apps/server");
/** Binding types wrangler's startup profiler cannot reproduce locally (wrangler 4.164). */
const UNREPRODUCIBLE = new Set(["durable_object_namespace", "workflow", "inherit"]);
/** Profiles per Worker in one run; the median counts, since one profile moves by tens of ms. */
export const STARTUP_PROFILES = 3;

export interface StartupTarget {
  config: string;
  /** `--env` of the config to bundle, for the vars a deployed environment has. */
  env?: string;
  /** Secrets the environment requires (set with `wrangler secret put` when deployed). */
  secrets?: string[];
}

/** The server Worker as staging deploys it, with the secrets that environment requires. */
export const SERVER_STARTUP: StartupTarget = {
  config: join(SERVER_DIR, "wrangler.jsonc"),
  env: "staging",
  secrets: ["BETTER_AUTH_SECRET", "RESEND_API_KEY"],
};

/** The multipart deploy bundle with every unreproducible binding replaced by a stand-in. */
async function standInBindings(file: string) {
  const bytes = readFileSync(file);
  const boundary = bytes.subarray(2, bytes.indexOf(10)).toString().trim();
  const form = await new Response(bytes, {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  }).formData();
  const metadata = JSON.parse(String(form.get("metadata"))) as {
    bindings: { name: string; type: string }[];
  };
  metadata.bindings = metadata.bindings.map((binding) =>
    UNREPRODUCIBLE.has(binding.type)
      ? { name: binding.name, type: "service", service: "startup-profile-stand-in" }
      : binding,
  );
  form.set("metadata", JSON.stringify(metadata));
  writeFileSync(file, Buffer.from(await new Response(form).arrayBuffer()));
}

/** Builds a Worker's deploy bundle once (as `wrangler check startup` does) for profiling. */
export async function startupBundle(target: StartupTarget): Promise<string> {
  const dir = freshState("startup");
  const bundle = join(dir, "worker.bundle");
  const args = ["exec", "wrangler", "deploy", "--dry-run", "-c", target.config];
  args.push(`--outfile=${bundle}`, ...(target.env ? ["--env", target.env] : []));
  if (target.secrets?.length) {
    const secretsFile = join(dir, "secrets.env");
    const lines = target.secrets.map((name) => `${name}=${randomBytes(24).toString("base64url")}`);
    writeFileSync(secretsFile, `${lines.join("\n")}\n`, { mode: 0o600 });
    args.push("--secrets-file", secretsFile);
  }
  execFileSync("pnpm", args, { cwd: SERVER_DIR, stdio: ["ignore", "ignore", "pipe"] });
  await standInBindings(bundle);
  return bundle;
}

/**
 * One profile of a bundle's startup, written to `outfile`. `activeMs` is what wrangler prints
 * (the time between non-idle samples); `sampledMs` counts non-idle samples times the profiler's
 * sampling interval. They differ by one gap: the first non-idle sample after the request arrives
 * carries 25-40 ms during which the profiler took no sample here, and wrangler counts that gap
 * as active on every Worker alike, most of the constant Worker's figure included.
 */
export function startupCpuMs(bundle: string, outfile: string) {
  const output = execFileSync(
    "pnpm",
    ["exec", "wrangler", "check", "startup", "--worker", bundle, "--outfile", outfile],
    { cwd: SERVER_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const active = output.match(/Active:\s*([\d.]+)\s*ms/);
  if (!active?.[1]) throw new Error(`wrangler check startup printed no active time:\n${output}`);
  return { activeMs: Number(active[1]), sampledMs: sampledMs(outfile) };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
}

/**
 * V8's default sampling interval, which wrangler's profiler keeps: each sample stands for about
 * this much CPU (the busy stretches of the profiles here show 1.1-1.2 ms between samples).
 */
const SAMPLE_INTERVAL_MS = 1;

/** Non-idle samples times the sampling interval, in ms. */
function sampledMs(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const idle = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((n) => n.id),
  );
  return profile.samples.filter((id) => !idle.has(id)).length * SAMPLE_INTERVAL_MS;
}

/**
 * `STARTUP_PROFILES` profiles of each bundle, taken in turn so that a busy moment on the machine
 * falls on all of them alike; the median of each counts. Profiles land in `dir`.
 */
export function measureStartup<K extends string>(bundles: Record<K, string>, dir: string) {
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(bundles) as K[];
  const active = new Map<K, number[]>(names.map((name) => [name, []]));
  const sampled = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 1; i <= STARTUP_PROFILES; i++) {
    for (const name of names) {
      const figures = startupCpuMs(bundles[name], join(dir, `${name}-${i}.cpuprofile`));
      active.get(name)?.push(figures.activeMs);
      sampled.get(name)?.push(figures.sampledMs);
    }
  }
  const medians = (samples: Map<K, number[]>) =>
    Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])])) as Record<
      K,
      number
    >;
  return { active: medians(active), sampled: medians(sampled) };
}
