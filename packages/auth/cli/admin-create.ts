// `npm run admin:create -- --email <e> --name <n> [--remote --env <environment>] [--password-stdin]`
// Creates a confirmed admin, or promotes an existing account, in local D1 (default) or the
// deployed D1 (--remote). No HTTP endpoint and no default credentials: an operator runs this.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { hashPassword } from "better-auth/crypto";
import {
  AdminCommandError,
  checkName,
  checkPassword,
  createAdminSql,
  findUserSql,
  parseArgs,
  promoteSql,
} from "./admin-account.ts";
import { readPassword } from "./read-password.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const serverDir = resolve(repoRoot, "apps/server");
const wrangler = resolve(serverDir, "node_modules/.bin/wrangler");

async function d1(where: string[], sql: string): Promise<Record<string, unknown>[]> {
  try {
    const { stdout } = await promisify(execFile)(
      wrangler,
      ["d1", "execute", "DB", ...where, "--json", "--command", sql],
      {
        cwd: serverDir,
        env: {
          ...process.env,
          CLOUDFLARE_CF_FETCH_ENABLED: "false",
          WRANGLER_SEND_METRICS: "false",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const results = JSON.parse(stdout) as { results: Record<string, unknown>[] }[];
    return results.flatMap((r) => r.results);
  } catch (error) {
    const out = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
    if (/no such table/i.test(out)) {
      throw new AdminCommandError(
        "the database has no tables yet: apply the migrations first (pnpm db:migrate, or wrangler d1 migrations apply DB --remote)",
      );
    }
    throw new AdminCommandError(`wrangler d1 execute failed:\n${out.trim()}`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let where: string[];
  if (args.remote) {
    where = ["--remote", "--env", args.env ?? ""];
  } else {
    const stateDir = resolve(
      args.stateDir ?? process.env.CHECKMARK_STATE_DIR ?? resolve(repoRoot, ".wrangler/state"),
    );
    if (!existsSync(resolve(stateDir, "v3/d1"))) {
      throw new AdminCommandError(
        `no local database in ${stateDir}: run pnpm db:migrate (or npm start) first`,
      );
    }
    where = ["--local", "--persist-to", stateDir];
  }
  const target = args.remote ? "the deployed D1" : "local D1";

  const [existing] = await d1(where, findUserSql(args.email));
  const now = Date.now();
  if (existing) {
    if (existing.role === "admin" && existing.email_verified === 1) {
      console.log(
        `admin:create: ${args.email} is already a confirmed admin in ${target}; nothing changed.`,
      );
      return;
    }
    await d1(where, promoteSql(String(existing.id), now));
    console.log(
      `admin:create: ${args.email} is now a confirmed admin in ${target} (its password is unchanged; the role counts from its next request).`,
    );
    return;
  }

  const name = checkName(args.name);
  const password = checkPassword(await readPassword(args.passwordStdin));
  // Exactly the function Better Auth verifies with (scrypt, its parameters), run in Node.
  const passwordHash = await hashPassword(password);
  await d1(
    where,
    createAdminSql({
      id: crypto.randomUUID(),
      accountId: crypto.randomUUID(),
      email: args.email,
      name,
      passwordHash,
      now,
    }),
  );
  console.log(`admin:create: created the admin ${args.email} in ${target}; it can sign in now.`);
}

main().catch((error: unknown) => {
  if (error instanceof AdminCommandError) {
    console.error(`admin:create: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
