// `pnpm run deploy -- --env <environment> [--dry-run] [--secrets-file <file>]`
//
// Ships one commit to one environment, in this order, and stops at the first failure:
//   1. refuse a dirty working tree (what deploys is a commit, named in the output)
//   2. run every check (`npm test`), and refuse if one fails
//   3. build both Workers for the environment and dry-run their deploys (offline)
//   4. D1: create the environment's database if it is new, note its Time Travel bookmark,
//      apply pending migrations, so the schema is ready before any new code runs
//   5. deploy the server Worker, then the web Worker that binds to it
//   6. smoke-check the public origin: /health (through the web Worker to the server and D1)
//      and a server-rendered page
//   7. print how to roll back, and which migrations a rollback cannot undo
// --dry-run does 1 to 3 and prints the rest as the plan, touching no network and no account.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildServer, buildWeb, checkWebBuild, webConfigPath } from "./lib/deploy-build.mjs";
import {
  checkDeployConfig,
  deployEnvironments,
  deployTarget,
  readWorkers,
  repoRoot,
} from "./lib/deploy-config.mjs";
import { CommandFailed, run, runJson } from "./lib/run.mjs";
import { smokeCheck } from "./lib/smoke.mjs";

export class Refusal extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function parseArgs(argv) {
  const options = { env: null, dryRun: false, secretsFile: null, help: false };
  const args = argv.filter((arg) => arg !== "--");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith("--")) {
        throw new Refusal(`${arg} needs a value`, 2);
      }
      return next;
    };
    if (arg === "--env" || arg === "-e") options.env = value();
    else if (arg.startsWith("--env=")) options.env = arg.slice("--env=".length);
    else if (arg === "--dry-run") options.dryRun = true;
    else if (arg === "--secrets-file") options.secretsFile = value();
    else if (arg === "--help" || arg === "-h") options.help = true;
    else throw new Refusal(`unknown argument ${arg}`, 2);
  }
  return options;
}

export function usage(envs) {
  return `usage: pnpm run deploy -- --env <${envs.join("|")}> [--dry-run] [--secrets-file <file>]
  --env           the environment to deploy (env.* in both apps' wrangler.jsonc)
  --dry-run       refuse a dirty tree, run the checks, build and dry-run both Workers for the
                  environment, then print the rest of the plan; nothing touches the network
  --secrets-file  first deploy of an environment only: the server's required secrets as
                  NAME=value lines, uploaded with it (later: wrangler secret put NAME --env <env>)`;
}

const git = (root, args) => run("git", args, { cwd: root, quiet: true });

async function dirtyFiles(root) {
  return (await git(root, ["status", "--porcelain", "--untracked-files=normal"]))
    .split("\n")
    .filter(Boolean);
}

async function refuseDirtyTree(root, when) {
  const dirty = await dirtyFiles(root);
  if (dirty.length > 0) {
    throw new Refusal(
      `refusing to deploy: the working tree${when ? ` ${when}` : ""} has changes that are not committed:\n    ${dirty.join("\n    ")}\n  Commit or stash them: a deploy ships a commit, so it can be named and rolled back to.`,
    );
  }
}

function migrationFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort();
}

const wrangler = (cwd, args, options = {}) =>
  run("pnpm", ["exec", "wrangler", ...args], {
    cwd,
    display: `wrangler ${args.join(" ")}`,
    ...options,
  });
const wranglerJson = (cwd, args) => runJson("pnpm", ["exec", "wrangler", ...args], { cwd });

/** The version serving all (or most) traffic of a Worker now, or null (new Worker, no access). */
async function currentVersion(cwd, workerName) {
  try {
    const deployment = await wranglerJson(cwd, [
      "deployments",
      "status",
      "--name",
      workerName,
      "--json",
    ]);
    const [main] = [...(deployment.versions ?? [])].sort((a, b) => b.percentage - a.percentage);
    return main?.version_id ?? null;
  } catch {
    return null;
  }
}

/** Migration names the remote database has applied; none when it has no migrations table. */
async function appliedMigrations(cwd, target) {
  const { env, database } = target;
  try {
    const [result] = await wranglerJson(cwd, [
      "d1",
      "execute",
      database.binding,
      "--remote",
      "--env",
      env,
      "--json",
      "--command",
      `SELECT name FROM ${database.migrationsTable} ORDER BY id`,
    ]);
    return result.results.map((row) => row.name);
  } catch (error) {
    if (error instanceof CommandFailed && /no such table/i.test(error.message)) return [];
    throw error;
  }
}

/**
 * The deploy as an ordered list of steps. Offline steps (network: false) run in a dry run too;
 * `commands` is what each step runs, as printed in the plan.
 */
export function deployPlan(target, { root = repoRoot, secretsFile = null } = {}) {
  const { env, database } = target;
  const server = join(root, "apps/server");
  const web = join(root, "apps/web");
  const state = {
    commit: null,
    bookmark: null,
    previous: { server: null, web: null },
    migrationsBefore: null,
    appliedNow: [],
    deployed: [],
  };
  const secretsArgs = secretsFile ? ["--secrets-file", secretsFile] : [];

  const steps = [
    {
      id: "clean-tree",
      network: false,
      title: "working tree clean",
      commands: ["git status --porcelain"],
      async run() {
        await refuseDirtyTree(root, "");
        state.commit = (await git(root, ["rev-parse", "--short=12", "HEAD"])).trim();
        return `commit ${state.commit}`;
      },
    },
    {
      id: "checks",
      network: false,
      title: "checks pass",
      commands: ["npm test (bash scripts/test.sh)"],
      async run() {
        try {
          await run("bash", ["scripts/test.sh"], { cwd: root });
        } catch (error) {
          if (!(error instanceof CommandFailed)) throw error;
          throw new Refusal(`refusing to deploy: the checks failed (${error.message})`);
        }
        // The checks regenerate files; what was tested must still be the commit.
        await refuseDirtyTree(root, "after the checks");
        return "npm test passed";
      },
    },
    {
      id: "build",
      network: false,
      title: `both Workers built for ${env}, deploys dry-run`,
      commands: [
        `(apps/server) wrangler deploy --dry-run --env ${env}`,
        `(apps/web) CLOUDFLARE_ENV=${env} vite build; wrangler deploy --dry-run -c .deploy/${env}/web/server/wrangler.json`,
      ],
      async run() {
        await buildServer(root, env, { quiet: true });
        const config = await buildWeb(root, env, { quiet: true });
        const problems = checkWebBuild(config, target);
        if (problems.length > 0)
          throw new Refusal(`refusing to deploy:\n  ${problems.join("\n  ")}`);
        return `.deploy/${env}/`;
      },
    },
    {
      id: "database",
      network: true,
      title: `D1 ${database.name}: migrations applied before any new code`,
      commands: [
        `(apps/server) wrangler d1 list --json; wrangler d1 create ${database.name} if it is not there`,
        `(apps/server) wrangler d1 time-travel info ${database.binding} --env ${env} --json (the bookmark to restore to)`,
        `(apps/server) wrangler d1 migrations apply ${database.binding} --remote --env ${env}`,
      ],
      async run() {
        const databases = await wranglerJson(server, ["d1", "list", "--json"]);
        if (!databases.some((db) => db.name === database.name)) {
          await wrangler(server, ["d1", "create", database.name, "--update-config=false"]);
        } else {
          const travel = await wranglerJson(server, [
            "d1",
            "time-travel",
            "info",
            database.binding,
            "--env",
            env,
            "--json",
          ]).catch(() => null);
          state.bookmark = travel?.bookmark ?? null;
        }
        state.migrationsBefore = await appliedMigrations(server, target);
        try {
          await wrangler(server, [
            "d1",
            "migrations",
            "apply",
            database.binding,
            "--remote",
            "--env",
            env,
          ]);
        } finally {
          // Also after a failure: the migrations before the failing one stay applied.
          const after = await appliedMigrations(server, target).catch(() => []);
          state.appliedNow = after.filter((name) => !state.migrationsBefore.includes(name));
        }
        // Declining wrangler's prompt (or a migration it skipped) must not let new code go out.
        const applied = [...state.migrationsBefore, ...state.appliedNow];
        const pending = migrationFiles(database.migrationsDir).filter(
          (file) => !applied.includes(file),
        );
        if (pending.length > 0) {
          throw new Refusal(
            `refusing to deploy code: migrations still pending in ${database.name}: ${pending.join(", ")}`,
          );
        }
        return state.appliedNow.length
          ? `applied ${state.appliedNow.join(", ")}`
          : "no pending migrations";
      },
    },
    {
      id: "server",
      network: true,
      title: `server Worker ${target.serverName} deployed`,
      commands: [
        `(apps/server) wrangler deploy --env ${env}${secretsFile ? " --secrets-file <file>" : ""}`,
      ],
      async run() {
        state.previous.server = await currentVersion(server, target.serverName);
        state.previous.web = await currentVersion(server, target.webName);
        await wrangler(server, ["deploy", "--env", env, ...secretsArgs]);
        state.deployed.push("server");
        return target.serverName;
      },
    },
    {
      id: "web",
      network: true,
      title: `web Worker ${target.webName} deployed on ${target.origin}`,
      commands: [`(apps/web) wrangler deploy -c .deploy/${env}/web/server/wrangler.json`],
      async run() {
        await wrangler(web, ["deploy", "-c", webConfigPath(root, env)]);
        state.deployed.push("web");
        return target.webName;
      },
    },
    {
      id: "smoke",
      network: true,
      title: `${target.origin} answers`,
      commands: [
        `GET ${target.origin}/health (server and D1, through the web Worker)`,
        `GET ${target.origin}/sign-in`,
      ],
      async run() {
        const results = await smokeCheck(target.origin);
        const lines = results.map(
          (r) =>
            `${r.ok ? "ok  " : "FAIL"} ${r.path}${r.ok ? "" : `: ${r.detail}`}${r.requestId ? ` (request ${r.requestId})` : ""}`,
        );
        if (results.some((r) => !r.ok)) {
          throw new Refusal(`the smoke check failed:\n    ${lines.join("\n    ")}`);
        }
        return lines.join("; ");
      },
    },
  ];
  return { steps, state };
}

/** How to go back, given what this deploy did (or, in a dry run, would do). */
export function rollbackAdvice(target, state, { dryRun = false } = {}) {
  const { env, database } = target;
  const version = (id) => (id ? `${id} ` : "");
  const lines = [
    `To roll back ${env}: the web Worker first, then the server, each to the version that served before${dryRun ? " the deploy" : " this deploy"}`,
    `    (cd apps/web && pnpm exec wrangler rollback ${version(state.previous.web)}--name ${target.webName})`,
    `    (cd apps/server && pnpm exec wrangler rollback ${version(state.previous.server)}--name ${target.serverName})`,
    "  (without a version id, wrangler rolls back to the version before the current one).",
  ];
  if (dryRun) {
    const files = migrationFiles(database.migrationsDir);
    lines.push(
      `A rollback never undoes D1 migrations. The deploy applies those of ${files[0]} … ${files.at(-1)} that ${database.name} lacks`,
      `  (see them with: cd apps/server && pnpm exec wrangler d1 migrations list ${database.binding} --remote --env ${env}).`,
    );
  } else if (state.appliedNow.length > 0) {
    lines.push(
      `A rollback does not undo the migrations this deploy applied to ${database.name}: ${state.appliedNow.join(", ")}.`,
      "  They only add (expand, then contract in a later release: docs/production.md), so the previous code runs on them.",
    );
  } else {
    lines.push(
      `This deploy applied no migration to ${database.name}: the previous code finds the schema it knew.`,
    );
  }
  lines.push(
    state.bookmark
      ? `Last resort, losing every write since the deploy began: (cd apps/server && pnpm exec wrangler d1 time-travel restore ${database.binding} --env ${env} --bookmark=${state.bookmark})`
      : `Last resort, losing every write since: restore ${database.name} with D1 Time Travel to a time before the deploy (docs/production.md).`,
  );
  return lines.join("\n");
}

/** Runs the plan in order; a dry run stops before the first step that needs the network. */
export async function runPlan(steps, { dryRun = false, log = console.log } = {}) {
  const done = [];
  for (const step of steps) {
    if (step.network && dryRun) {
      log(`  next  ${step.title}\n${step.commands.map((c) => `          ${c}`).join("\n")}`);
      continue;
    }
    log(`  ...   ${step.title}`);
    const outcome = await step.run();
    log(`  ok    ${step.title}${outcome ? `: ${outcome}` : ""}`);
    done.push(step.id);
  }
  return done;
}

export async function main(argv, { root = repoRoot, log = console.log } = {}) {
  const workers = readWorkers(root);
  const envs = deployEnvironments(workers);
  const options = parseArgs(argv);
  if (options.help) {
    log(usage(envs));
    return;
  }
  if (!options.env) throw new Refusal(`name the environment to deploy.\n${usage(envs)}`, 2);
  if (!envs.includes(options.env)) {
    throw new Refusal(
      `unknown environment "${options.env}"; the Workers define: ${envs.join(", ")}`,
      2,
    );
  }
  const { problems } = checkDeployConfig(root);
  if (problems.length > 0) {
    throw new Refusal(
      `refusing to deploy: the deploy config is wrong:\n  ${problems.join("\n  ")}`,
    );
  }
  const target = deployTarget(workers, options.env, root);
  const { steps, state } = deployPlan(target, { root, secretsFile: options.secretsFile });

  log(
    `deploy ${options.env}${options.dryRun ? " (dry run: nothing leaves this machine)" : ""}: ${target.serverName}, then ${target.webName}, on ${target.origin}`,
  );
  try {
    await runPlan(steps, { dryRun: options.dryRun, log });
  } catch (error) {
    if (state.deployed.length > 0 || state.appliedNow.length > 0) {
      log(`\n${rollbackAdvice(target, state)}`);
    }
    throw error;
  }
  log(`\n${rollbackAdvice(target, state, { dryRun: options.dryRun })}`);
  if (!options.dryRun) {
    log(
      `\nDeployed ${state.commit} to ${options.env}. Watch it for a while: docs/production.md, "After a deploy".`,
    );
  }
}

// Run as a script (not imported by a test); import.meta.main needs Node 24.2+, the toolchain allows 22.12.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    console.error(`\ndeploy: ${error.message}`);
    process.exit(error instanceof Refusal ? error.exitCode : 1);
  }
}
