// What `wrangler deploy` would ship must trust production only: no localhost origin or host
// in any environment's vars, and public URLs (workers_dev, preview_urls) set on purpose.
// Run by `npm test`; reads each Worker's config the way wrangler itself does.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The server app's own wrangler, the one that deploys.
const wrangler = createRequire(join(root, "apps/server/package.json")).resolve("wrangler");
const { unstable_readConfig } = await import(pathToFileURL(wrangler).href);
const configs = ["apps/server/wrangler.jsonc", "apps/web/wrangler.jsonc"];
const DEVELOPMENT = /localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0/i;

const problems = [];
for (const file of configs) {
  const path = join(root, file);
  const raw = unstable_readConfig({ config: path }, { hideWarnings: true });
  for (const env of [undefined, ...Object.keys(raw.env ?? {})]) {
    const config = env ? unstable_readConfig({ config: path, env }, { hideWarnings: true }) : raw;
    const where = `${file}${env ? ` [env.${env}]` : ""}`;
    for (const [name, value] of Object.entries(config.vars ?? {})) {
      if (DEVELOPMENT.test(JSON.stringify(value))) {
        problems.push(`${where}: var ${name} names a development origin (${value})`);
      }
    }
    for (const setting of ["workers_dev", "preview_urls"]) {
      if (typeof config[setting] !== "boolean") {
        problems.push(`${where}: set ${setting} to true or false on purpose`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`deploy config:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`deploy config: ${configs.length} Workers trust production origins only`);
