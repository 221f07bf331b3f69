// The pure half of `npm run admin:create`: input rules and the SQL it sends to D1.
// Node only (never bundled into a Worker). Imports name the .ts file: Node runs it as it is.
import { EMAIL_MAX_LENGTH } from "../src/email-policy.ts";
import { nameProblem } from "../src/name-policy.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../src/password-policy.ts";

/** Plain address characters only: no quotes, spaces or control characters. */
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export class AdminCommandError extends Error {}

export function checkEmail(email: string | undefined): string {
  const value = email?.trim().toLowerCase() ?? "";
  if (!EMAIL.test(value) || value.length > EMAIL_MAX_LENGTH) {
    throw new AdminCommandError(`"${email ?? ""}" is not an email address, e.g. ada@example.com`);
  }
  return value;
}

export function checkName(name: string | undefined): string {
  const problem = nameProblem(name);
  if (problem) throw new AdminCommandError(`--name: ${problem}`);
  return (name as string).trim();
}

/** The app's password policy (packages/auth/src/password-policy.ts), the same as sign-up's. */
export function checkPassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AdminCommandError(`the password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AdminCommandError(`the password may have at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  return password;
}

/**
 * A SQL text literal for any string: its UTF-8 bytes as a hex blob cast to text. The literal
 * holds only [0-9a-f], so no value can end it early (`wrangler d1 execute` binds no parameters).
 */
export function textLiteral(value: string): string {
  return `CAST(X'${Buffer.from(value, "utf8").toString("hex")}' AS TEXT)`;
}

/** Better Auth's scrypt hash, `salt:key` in hex; checked before it goes into SQL. */
const PASSWORD_HASH = /^[0-9a-f]{32}:[0-9a-f]{128}$/;

export function findUserSql(email: string): string {
  return `SELECT id, email_verified, role FROM user WHERE lower(email) = ${textLiteral(email)}`;
}

export function promoteSql(userId: string, now: number): string {
  return [
    `UPDATE user SET role = 'admin', email_verified = 1, updated_at = ${Math.trunc(now)}`,
    `WHERE id = ${textLiteral(userId)}`,
  ].join(" ");
}

export interface NewAdmin {
  id: string;
  accountId: string;
  email: string;
  name: string;
  passwordHash: string;
  now: number;
}

/** A confirmed admin with a password account, in one batch of two INSERTs. */
export function createAdminSql(admin: NewAdmin): string {
  if (!PASSWORD_HASH.test(admin.passwordHash)) {
    throw new AdminCommandError("the password hash is not in Better Auth's format");
  }
  const now = Math.trunc(admin.now);
  const id = textLiteral(admin.id);
  return [
    "INSERT INTO user (id, name, email, email_verified, role, created_at, updated_at) VALUES",
    `(${id}, ${textLiteral(admin.name)}, ${textLiteral(admin.email)}, 1, 'admin', ${now}, ${now});`,
    "INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES",
    `(${textLiteral(admin.accountId)}, ${id}, 'credential', ${id}, ${textLiteral(admin.passwordHash)}, ${now}, ${now});`,
  ].join("\n");
}

export interface ParsedArgs {
  email: string;
  name: string | undefined;
  remote: boolean;
  passwordStdin: boolean;
  stateDir: string | undefined;
  /** The wrangler environment whose D1 `--remote` means (staging, production). */
  env: string | undefined;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const args: Partial<ParsedArgs> & { remote: boolean; passwordStdin: boolean } = {
    env: undefined,
    remote: false,
    passwordStdin: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new AdminCommandError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--email") args.email = value();
    else if (arg === "--name") args.name = value();
    else if (arg === "--remote") args.remote = true;
    else if (arg === "--local") args.remote = false;
    else if (arg === "--password-stdin") args.passwordStdin = true;
    else if (arg === "--persist-to") args.stateDir = value();
    else if (arg === "--env") args.env = value();
    else if (arg === "--password") {
      throw new AdminCommandError(
        "passwords are never taken as an argument (shell history); use the prompt or --password-stdin",
      );
    } else throw new AdminCommandError(`unknown argument ${arg}`);
  }
  if (!args.email) throw new AdminCommandError("--email is required");
  // The top level of wrangler.jsonc is local only; a deployed database belongs to an environment.
  if (args.remote && !args.env) {
    throw new AdminCommandError("--remote needs --env <environment>, e.g. --env production");
  }
  if (args.env && !/^[a-z][a-z0-9-]*$/.test(args.env)) {
    throw new AdminCommandError("--env names an environment of apps/server/wrangler.jsonc");
  }
  return {
    email: checkEmail(args.email),
    name: args.name,
    remote: args.remote,
    passwordStdin: args.passwordStdin,
    stateDir: args.stateDir,
    env: args.env,
  };
}
