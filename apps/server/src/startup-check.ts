/**
 * What the server Worker needs before it can answer anything, checked once when an isolate
 * starts (src/index.ts): a missing secret or binding stops the Worker with one message naming
 * every missing name, instead of a TypeError in the middle of some request.
 *
 * Every name of the generated `Env` is listed (`satisfies Record<keyof Env, …>`), so a binding
 * added to wrangler.jsonc fails `tsc` after `wrangler types` until it is classified here.
 */
type Requirement = (value: unknown, env: Env) => string | null;

/** A resource binding (D1, rate limiter, …): wrangler creates it from wrangler.jsonc. */
const binding =
  (kind: string): Requirement =>
  (value) =>
    value === undefined || value === null
      ? `${kind} binding: declare it in this environment of apps/server/wrangler.jsonc`
      : null;

const SECRET_HINT =
  "secret: `wrangler secret put NAME --env <environment>` (locally: apps/server/.dev.vars)";

const secret: Requirement = (value) =>
  typeof value === "string" && value !== "" ? null : SECRET_HINT;

/** A plain var from wrangler.jsonc; it may be empty. */
const variable: Requirement = (value) =>
  typeof value === "string" ? null : "var: declare it in this environment's vars";

const requirements = {
  DB: binding("D1 database"),
  RPC_LIMITER: binding("rate limit"),
  AUTH_LIMITER: binding("rate limit"),
  LOG_LIMITER: binding("rate limit"),
  LOADTEST_LIMITER: binding("rate limit"),
  API_KEY_LIMITER: binding("rate limit"),
  PASSWORD_LIMITER: binding("rate limit"),
  SEARCH_LIMITER: binding("rate limit"),
  EXPORT_LIMITER: binding("rate limit"),
  BULK_LIMITER: binding("rate limit"),
  MAIL_QUEUE: binding("queue producer"),
  FILES: binding("R2 bucket"),
  CACHE: binding("KV namespace"),
  USER_LIVE: binding("Durable Object namespace"),
  EVENT_REMINDER: binding("Workflow"),
  BETTER_AUTH_SECRET: secret,
  // Production mail needs its key; local runs send to the dev mailbox instead.
  RESEND_API_KEY: (value, env) => (env.MAIL_TRANSPORT === "resend" ? secret(value, env) : null),
  // Auth needs its public origin, or (local runs only) the hosts it may take from requests.
  BETTER_AUTH_URL: (value, env) =>
    value || env.AUTH_ALLOWED_HOSTS
      ? null
      : "var: the web app's public origin (local runs set AUTH_ALLOWED_HOSTS in .dev.vars instead)",
  TRUSTED_ORIGINS: variable,
  AUTH_ALLOWED_HOSTS: variable,
  MAIL_TRANSPORT: variable,
  MAIL_FROM: variable,
  RATE_LIMIT_TIER: variable,
  DISABLE_SIGN_UP: variable,
  API_CORS_ORIGINS: variable,
} satisfies Record<keyof Env, Requirement>;

/** The missing names, each with what it is and how to provide it; empty when all are there. */
export function missingFromEnv(env: Env): string[] {
  const values = env as unknown as Record<string, unknown>;
  return Object.entries(requirements).flatMap(([name, requirement]) => {
    const problem = requirement(values[name], env);
    return problem ? [`${name} (${problem.replace("NAME", name)})`] : [];
  });
}

/** Throws, naming every missing secret and binding, when the Worker cannot run with `env`. */
export function assertStartable(env: Env): void {
  const missing = missingFromEnv(env);
  if (missing.length > 0) {
    throw new Error(
      `checkmark-server cannot start; missing ${missing.length === 1 ? "" : `${missing.length}: `}${missing.join("; ")}`,
    );
  }
}
