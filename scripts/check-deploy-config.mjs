// What `wrangler deploy` would ship, for every environment of both Workers: production origins
// only (no localhost in any vars; each environment's public origin served by its web Worker),
// public URLs set on purpose, the server reachable only through its binding, service bindings
// that stay inside their environment, resources (D1, KV, R2, queues, limiters) of its own per
// environment, and every binding, var or secret the code reads declared in each environment.
// Run by `npm test`; the rules live in scripts/lib/deploy-config.mjs.
import { checkDeployConfig } from "./lib/deploy-config.mjs";

let result;
try {
  result = checkDeployConfig();
} catch (error) {
  // wrangler's own validation of a config (an unknown key, a bad value) lands here.
  console.error(`deploy config: ${error.message}`);
  process.exit(1);
}
const { problems, workers, envs } = result;
if (problems.length > 0) {
  console.error(`deploy config:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `deploy config: ${workers.length} Workers, environments ${envs.join(", ")}: production origins only, own resources, every binding the code reads declared`,
);
