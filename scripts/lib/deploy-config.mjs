// The two Workers' wrangler configs, read the way wrangler itself reads them, for every
// environment; and the rules what deploys must follow (scripts/check-deploy-config.mjs runs
// them in `npm test`, scripts/deploy.mjs reads its targets from here).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

export const repoRoot = join(import.meta.dirname, "../..");

// The server app's own wrangler, the one that deploys.
const wranglerEntry = createRequire(join(repoRoot, "apps/server/package.json")).resolve("wrangler");
const { unstable_readConfig } = await import(pathToFileURL(wranglerEntry).href);

/**
 * The Workers this repository deploys. `sources` are the folders whose `env.X` uses must be
 * declared in the Worker's config (the packages end up in the server's bundle; the web app
 * imports only their types). `internal`: reached only through a service binding.
 */
export const WORKERS = [
  {
    label: "server",
    config: "apps/server/wrangler.jsonc",
    sources: ["apps/server/src", "packages/*/src"],
    internal: true,
  },
  { label: "web", config: "apps/web/wrangler.jsonc", sources: ["apps/web/src"], internal: false },
];

/** The var of the server that names the app's public origin in each environment. */
export const PUBLIC_ORIGIN_VAR = "BETTER_AUTH_URL";

const DEVELOPMENT = /localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0/i;

/** One Worker's resolved config per environment; "" is the top level (local runs). */
export function readWorker(root, worker) {
  const path = join(root, worker.config);
  const top = unstable_readConfig({ config: path }, { hideWarnings: true });
  const environments = new Map([["", top]]);
  for (const env of top.definedEnvironments ?? []) {
    environments.set(env, unstable_readConfig({ config: path, env }, { hideWarnings: true }));
  }
  return { ...worker, topLevelName: top.name, environments };
}

export function readWorkers(root = repoRoot) {
  return WORKERS.map((worker) => readWorker(root, worker));
}

/** The environments a deploy can target: those every Worker defines. */
export function deployEnvironments(workers) {
  const [first, ...rest] = workers.map((w) => [...w.environments.keys()].filter(Boolean));
  return (first ?? []).filter((env) => rest.every((names) => names.includes(env)));
}

/** What `pnpm run deploy -- --env <env>` works with, from the configs themselves. */
export function deployTarget(workers, env, root = repoRoot) {
  const server = workers.find((w) => w.label === "server").environments.get(env);
  const web = workers.find((w) => w.label === "web").environments.get(env);
  if (!server || !web) return null;
  const [database] = server.d1_databases;
  return {
    env,
    serverName: server.name,
    webName: web.name,
    origin: server.vars?.[PUBLIC_ORIGIN_VAR],
    database: database && {
      binding: database.binding,
      name: database.database_name,
      migrationsDir: join(root, "apps/server", database.migrations_dir ?? "migrations"),
      migrationsTable: database.migrations_table ?? "d1_migrations",
    },
    requiredSecrets: server.secrets?.required ?? [],
  };
}

// Bindings whose entries name the binding in `name` rather than `binding`.
const NAMED_BY_NAME = [
  ["ratelimits"],
  ["send_email"],
  ["durable_objects", "bindings"],
  ["unsafe", "bindings"],
];

function at(config, path) {
  return path.reduce((value, key) => value?.[key], config);
}

/** Every binding name a resolved config declares (resources, not vars or secrets). */
export function declaredBindings(config) {
  const names = new Set();
  const collect = (value) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && typeof value.binding === "string") {
      names.add(value.binding);
    }
  };
  for (const [key, value] of Object.entries(config)) {
    if (key === "env" || key === "vars" || key === "dev") continue;
    collect(value);
    // queues.producers, and any other binding list one level down.
    if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.values(value).forEach(collect);
    }
  }
  for (const path of NAMED_BY_NAME) {
    for (const entry of at(config, path) ?? []) {
      if (typeof entry?.name === "string") names.add(entry.name);
    }
  }
  return names;
}

/** Names the Worker's code can read from this config: bindings, vars, required secrets. */
export function declaredNames(config) {
  return new Set([
    ...declaredBindings(config),
    ...Object.keys(config.vars ?? {}),
    ...(config.secrets?.required ?? []),
  ]);
}

// What makes a resource one resource, per binding kind. A kind not listed here is not
// compared; add it when the project starts using it.
const RESOURCE_IDENTITY = {
  d1_databases: (b) => b.database_id || b.database_name,
  kv_namespaces: (b) => b.id,
  r2_buckets: (b) => b.bucket_name && `${b.jurisdiction ?? ""}/${b.bucket_name}`,
  ratelimits: (b) => b.namespace_id,
  hyperdrive: (b) => b.id,
  vectorize: (b) => b.index_name,
  analytics_engine_datasets: (b) => b.dataset,
  "queues.producers": (b) => b.queue,
};

function resources(config) {
  return Object.entries(RESOURCE_IDENTITY).flatMap(([kind, identity]) =>
    (at(config, kind.split(".")) ?? []).flatMap((binding) => {
      const id = identity(binding);
      return id ? [{ kind, id: String(id), binding: binding.binding ?? binding.name }] : [];
    }),
  );
}

/** `env.X`, `c.env.X`, `env["X"]` and `{ X } = env` in a source file, with line numbers. */
export function envUses(text) {
  const uses = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const patterns = [
      /(?<![\w$.])(?:(?:c|this|ctx)\.)?env\.([A-Z][A-Z0-9_]*)\b/g,
      /(?<![\w$.])(?:(?:c|this|ctx)\.)?env\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]/g,
    ];
    for (const pattern of patterns) {
      for (const match of line.matchAll(pattern)) uses.push({ name: match[1], line: index + 1 });
    }
  });
  for (const match of text.matchAll(/\{([^{}]*)\}\s*=\s*(?:(?:c|this|ctx)\.)?env\b/g)) {
    const line = text.slice(0, match.index).split("\n").length;
    for (const part of match[1].split(",")) {
      const name = part.split(":")[0].trim();
      if (/^[A-Z][A-Z0-9_]*$/.test(name)) uses.push({ name, line });
    }
  }
  return uses;
}

function sourceFiles(root, pattern) {
  const [base, ...rest] = pattern.split("/*/");
  const folders = rest.length
    ? readdirSync(join(root, base)).map((name) => join(root, base, name, rest.join("/*/")))
    : [join(root, pattern)];
  const files = [];
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs)$/.test(entry) && !/\.(test|spec)\./.test(entry)) files.push(path);
    }
  };
  folders.forEach(walk);
  return files;
}

/** Every env name the Worker's code reads, each with the first place that reads it. */
export function namesUsedInCode(root, worker) {
  const used = new Map();
  for (const pattern of worker.sources) {
    for (const file of sourceFiles(root, pattern)) {
      for (const { name, line } of envUses(readFileSync(file, "utf8"))) {
        if (!used.has(name)) used.set(name, `${relative(root, file)}:${line}`);
      }
    }
  }
  return used;
}

function isOrigin(value) {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function routeHosts(config) {
  return (config.routes ?? []).map((route) => {
    const pattern = typeof route === "string" ? route : route.pattern;
    return pattern.replace(/^https?:\/\//, "").split("/")[0];
  });
}

/**
 * Settings that decide what code uploads (the server's split build, docs/decisions/097). wrangler
 * lets env.* inherit them; an environment that set one of its own would deploy code other than
 * what local runs, tests and benchmarks build.
 */
const BUILD_SETTINGS = {
  main: (config) => config.main,
  // Its command only: wrangler resolves an inherited watch_dir a second time (relative to the
  // current directory), and only `wrangler dev` watches.
  build: (config) => config.build && { command: config.build.command, cwd: config.build.cwd },
  no_bundle: (config) => config.no_bundle,
  find_additional_modules: (config) => config.find_additional_modules,
  base_dir: (config) => config.base_dir,
  rules: (config) => config.rules,
  minify: (config) => config.minify,
  upload_source_maps: (config) => config.upload_source_maps,
};

const where = (worker, env) => `${worker.config}${env ? ` [env.${env}]` : " [top level]"}`;

/** Everything wrong with what would deploy, as readable lines; empty when all is well. */
export function checkDeployConfig(root = repoRoot) {
  const workers = readWorkers(root);
  const problems = [];
  const envs = deployEnvironments(workers);

  // Environments: the same ones in every Worker, so a deploy never finds half an environment.
  for (const worker of workers) {
    const own = [...worker.environments.keys()].filter(Boolean);
    const missing = workers
      .flatMap((other) => [...other.environments.keys()].filter(Boolean))
      .filter((env) => !own.includes(env));
    for (const env of new Set(missing)) {
      problems.push(`${worker.config}: env.${env} is missing (another Worker defines it)`);
    }
  }
  if (envs.length === 0) problems.push("no deploy environment (env.*) is defined in every Worker");

  // Which repository Worker each deployed name belongs to, for service bindings.
  const owners = new Map();
  for (const worker of workers) {
    for (const [env, config] of worker.environments) owners.set(config.name, { worker, env });
  }

  const origins = new Map();
  for (const worker of workers) {
    const used = namesUsedInCode(root, worker);
    const top = worker.environments.get("");
    for (const [env, config] of worker.environments) {
      const at = where(worker, env);

      // Development origins and hosts never reach a deployed config.
      for (const [name, value] of Object.entries(config.vars ?? {})) {
        if (DEVELOPMENT.test(JSON.stringify(value))) {
          problems.push(`${at}: var ${name} names a development origin (${value})`);
        }
      }
      for (const setting of ["workers_dev", "preview_urls"]) {
        if (typeof config[setting] !== "boolean") {
          problems.push(`${at}: set ${setting} to true or false on purpose`);
        }
      }
      if (worker.internal) {
        if (config.workers_dev || config.preview_urls || (config.routes ?? []).length > 0) {
          problems.push(
            `${at}: the ${worker.label} Worker is reached only through its service binding; no workers_dev, preview_urls or routes`,
          );
        }
      }

      // Service bindings to this repository's Workers stay inside the environment.
      for (const service of config.services ?? []) {
        const owner = owners.get(service.service);
        const expected = workers
          .filter((w) => service.service.startsWith(w.topLevelName))
          .map((w) => w.environments.get(env)?.name)
          .find(Boolean);
        if (owner && owner.env !== env) {
          problems.push(
            `${at}: service binding ${service.binding} names ${service.service}, the ${owner.env ? `${owner.env}` : "top-level"} Worker; this environment's is ${expected}`,
          );
        } else if (!owner && expected) {
          problems.push(
            `${at}: service binding ${service.binding} names ${service.service}, which no environment deploys; this environment's is ${expected}`,
          );
        }
      }

      // Every environment deploys the code the top level builds.
      if (env) {
        for (const [setting, read] of Object.entries(BUILD_SETTINGS)) {
          if (JSON.stringify(read(config)) !== JSON.stringify(read(top))) {
            problems.push(
              `${at}: ${setting} differs from the top level; every environment deploys the same build`,
            );
          }
        }
      }

      // Every binding exists in every environment (they are not inherited): a resource added
      // at the top level for local runs must land in each env.* too, and the other way round.
      if (env) {
        for (const name of declaredBindings(top)) {
          if (!declaredBindings(config).has(name)) {
            problems.push(`${at}: binding ${name} is declared at the top level but not here`);
          }
        }
        for (const name of declaredBindings(config)) {
          if (!declaredBindings(top).has(name)) {
            problems.push(
              `${at}: binding ${name} is not declared at the top level (local runs and tests)`,
            );
          }
        }
        for (const name of Object.keys(top.vars ?? {})) {
          if (!(name in (config.vars ?? {}))) {
            problems.push(`${at}: var ${name} is set at the top level but not here`);
          }
        }
        for (const name of top.secrets?.required ?? []) {
          if (!(config.secrets?.required ?? []).includes(name)) {
            problems.push(`${at}: secret ${name} is required at the top level but not here`);
          }
        }
        // Every name the code reads is declared where it deploys.
        const declared = declaredNames(config);
        for (const [name, place] of used) {
          if (!declared.has(name)) {
            problems.push(
              `${at}: ${place} reads env.${name}, which this environment does not declare (binding, var or secrets.required)`,
            );
          }
        }
      }
    }
  }

  // Each environment has its own public origin, served by the web Worker of that environment.
  const server = workers.find((w) => w.label === "server");
  const web = workers.find((w) => w.label === "web");
  for (const env of envs) {
    const origin = server.environments.get(env).vars?.[PUBLIC_ORIGIN_VAR];
    const at = where(server, env);
    if (!origin) {
      problems.push(`${at}: set var ${PUBLIC_ORIGIN_VAR} to the environment's public origin`);
      continue;
    }
    if (!isOrigin(origin) || !origin.startsWith("https://")) {
      problems.push(`${at}: ${PUBLIC_ORIGIN_VAR} must be an https origin, not ${origin}`);
      continue;
    }
    const other = origins.get(origin);
    if (other) problems.push(`${at}: ${PUBLIC_ORIGIN_VAR} ${origin} is env.${other}'s too`);
    origins.set(origin, env);
    const host = new URL(origin).host;
    const webConfig = web.environments.get(env);
    const served = host.endsWith(".workers.dev")
      ? webConfig.workers_dev === true
      : routeHosts(webConfig).includes(host);
    if (!served) {
      problems.push(
        `${where(web, env)}: no route serves ${host}, the server's ${PUBLIC_ORIGIN_VAR} for this environment`,
      );
    }
    for (const trusted of (server.environments.get(env).vars?.TRUSTED_ORIGINS ?? "")
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean)) {
      if (!isOrigin(trusted) || !trusted.startsWith("https://")) {
        problems.push(`${at}: TRUSTED_ORIGINS entry ${trusted} is not an https origin`);
      }
    }
  }

  // Each environment has its own database, limiters, buckets, queues: never another's.
  const owner = new Map();
  for (const worker of workers) {
    for (const [env, config] of worker.environments) {
      for (const { kind, id, binding } of resources(config)) {
        const key = `${kind}:${id}`;
        const first = owner.get(key);
        if (first && first.env !== env) {
          problems.push(
            `${where(worker, env)}: ${binding} uses ${kind} ${id}, which ${first.env ? `env.${first.env}` : "the top level"} uses too; each environment needs its own`,
          );
        } else if (!first) {
          owner.set(key, { env });
        }
      }
    }
  }

  return { problems, workers, envs };
}
