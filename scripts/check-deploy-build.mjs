// `wrangler deploy --dry-run` for both Workers in every environment, as the deploy builds them:
// catches bundle errors and config errors that only show once an environment is resolved
// (a binding wrangler rejects, a web build that did not pick up its environment). Offline.
// Run by `npm test` (scripts/test.sh); the builds land in the git-ignored .deploy/.
import { buildServer, buildWeb, checkWebBuild } from "./lib/deploy-build.mjs";
import { deployEnvironments, deployTarget, readWorkers, repoRoot } from "./lib/deploy-config.mjs";

const started = Date.now();
const workers = readWorkers();
const envs = deployEnvironments(workers);
const problems = [];

async function each(envNames, step) {
  for (const env of envNames) {
    try {
      await step(env);
    } catch (error) {
      problems.push(error.message);
    }
  }
}

// The server bundles (mostly I/O and esbuild) beside the web builds (Vite, CPU): two lanes.
await Promise.all([
  each(envs, (env) => buildServer(repoRoot, env, { quiet: true })),
  each(envs, async (env) => {
    const config = await buildWeb(repoRoot, env, { quiet: true });
    problems.push(...checkWebBuild(config, deployTarget(workers, env)));
  }),
]);

if (problems.length > 0) {
  console.error(`deploy build:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `deploy build: wrangler deploy --dry-run passed for server and web in ${envs.join(", ")} (${seconds} s)`,
);
