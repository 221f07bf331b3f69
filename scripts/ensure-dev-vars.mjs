// Writes a random BETTER_AUTH_SECRET to the server's git-ignored .dev.vars on first local run,
// so nothing secret is ever committed and no one shares a default secret.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = join(dirname(fileURLToPath(import.meta.url)), "../apps/server/.dev.vars");
const current = existsSync(file) ? readFileSync(file, "utf8") : "";

if (!/^BETTER_AUTH_SECRET=.+/m.test(current)) {
  const line = `BETTER_AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  writeFileSync(file, current && !current.endsWith("\n") ? `${current}\n${line}` : current + line, {
    mode: 0o600,
  });
  console.log("Wrote a new local BETTER_AUTH_SECRET to apps/server/.dev.vars");
}
