// Fills the server's git-ignored .dev.vars with local-only settings on first run: a random
// BETTER_AUTH_SECRET (nothing secret is committed, no one shares a default), mail that
// lands in the dev mailbox, and the localhost origins and hosts that must never deploy.
// Lines already there are left alone.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = join(dirname(fileURLToPath(import.meta.url)), "../apps/server/.dev.vars");
const defaults = {
  BETTER_AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  MAIL_TRANSPORT: () => "dev-mailbox",
  TRUSTED_ORIGINS: () => "http://localhost:3001,http://localhost:3000",
  AUTH_ALLOWED_HOSTS: () => "localhost:*,127.0.0.1:*",
};

let contents = existsSync(file) ? readFileSync(file, "utf8") : "";
const added = [];
for (const [name, value] of Object.entries(defaults)) {
  if (new RegExp(`^${name}=.+`, "m").test(contents)) continue;
  if (contents && !contents.endsWith("\n")) contents += "\n";
  contents += `${name}=${value()}\n`;
  added.push(name);
}
if (added.length > 0) {
  writeFileSync(file, contents, { mode: 0o600 });
  console.log(`Wrote ${added.join(", ")} to apps/server/.dev.vars (local only)`);
}
