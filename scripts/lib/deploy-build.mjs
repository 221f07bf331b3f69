// Builds what one environment deploys, the way the deploy ships it, into .deploy/<env>/
// (git-ignored): the server Worker built by `wrangler deploy --dry-run --env <env>` (which runs
// its wrangler.jsonc build command, the split build of docs/decisions/097), and the
// web Worker built by Vite with CLOUDFLARE_ENV=<env> (the Cloudflare plugin bakes the chosen
// environment into dist's wrangler.json), then checked by `wrangler deploy --dry-run` on it.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run.mjs";

export function buildDir(root, env) {
  return join(root, ".deploy", env);
}

export function webConfigPath(root, env) {
  return join(buildDir(root, env), "web/server/wrangler.json");
}

/** Bundles the server for `env` and validates its config; nothing leaves the machine. */
export async function buildServer(root, env, { quiet = false } = {}) {
  const outdir = join(buildDir(root, env), "server");
  await run("pnpm", ["exec", "wrangler", "deploy", "--dry-run", "--env", env, "--outdir", outdir], {
    cwd: join(root, "apps/server"),
    quiet,
    display: `(apps/server) wrangler deploy --dry-run --env ${env}`,
  });
  return outdir;
}

/** Builds the web app for `env` and dry-runs its deploy; returns the built wrangler.json. */
export async function buildWeb(root, env, { quiet = false } = {}) {
  const web = join(root, "apps/web");
  const outDir = join(buildDir(root, env), "web");
  // The plugin also points apps/web/.wrangler/deploy at its latest build; local runs and the
  // browser tests use dist/, so that pointer is put back.
  const pointer = join(web, ".wrangler/deploy/config.json");
  const saved = existsSync(pointer) ? readFileSync(pointer) : null;
  try {
    await run("pnpm", ["exec", "vite", "build", "--outDir", outDir, "--emptyOutDir"], {
      cwd: web,
      env: { CLOUDFLARE_ENV: env },
      quiet,
      display: `(apps/web) CLOUDFLARE_ENV=${env} vite build`,
    });
  } finally {
    if (saved) writeFileSync(pointer, saved);
    else rmSync(pointer, { force: true });
  }
  const config = webConfigPath(root, env);
  await run("pnpm", ["exec", "wrangler", "deploy", "--dry-run", "-c", config], {
    cwd: web,
    quiet,
    display: `(apps/web) wrangler deploy --dry-run -c ${config}`,
  });
  return config;
}

/** What the built web config must say for `target` (see deployTarget); problems as lines. */
export function checkWebBuild(configPath, target) {
  const config = JSON.parse(readFileSync(configPath, "utf8"));
  const problems = [];
  if (config.targetEnvironment !== target.env) {
    problems.push(`built for environment ${config.targetEnvironment ?? "(top level)"}`);
  }
  if (config.name !== target.webName) problems.push(`Worker name ${config.name}`);
  const server = (config.services ?? []).find((service) => service.binding === "SERVER");
  if (server?.service !== target.serverName) {
    problems.push(`SERVER binds ${server?.service ?? "nothing"}, not ${target.serverName}`);
  }
  return problems.map((problem) => `${configPath}: ${problem}`);
}
