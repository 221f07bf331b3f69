/**
 * Every binding the server Worker uses. An environment in wrangler.jsonc that misses one
 * (they are not inherited from the top level) fails at startup naming it, instead of a
 * TypeError in the middle of some later request.
 */
export const REQUIRED_BINDINGS = [
  "DB",
  "MAIL_QUEUE",
  "FILES",
  "USER_LIVE",
  "RPC_LIMITER",
  "AUTH_LIMITER",
  "LOG_LIMITER",
  "LOADTEST_LIMITER",
] as const satisfies readonly (keyof Env)[];

export function missingBindings(env: object): string[] {
  const bindings = env as Record<string, unknown>;
  return REQUIRED_BINDINGS.filter((name) => bindings[name] == null);
}

export function assertBindings(env: object): void {
  const missing = missingBindings(env);
  if (missing.length > 0) {
    throw new Error(
      `Missing Worker binding(s): ${missing.join(", ")}. Declare them in apps/server/wrangler.jsonc for this environment (bindings are not inherited from the top level).`,
    );
  }
}
