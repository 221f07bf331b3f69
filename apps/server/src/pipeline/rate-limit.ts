import { RETRY_AFTER_SECONDS } from "@checkmark/api/retry-after";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { logEvent } from "../log";
import { problem } from "../problem";

/** "export": a budget of its own for account exports, on top of "rpc" (ADR 132). */
type Tier = "rpc" | "auth" | "log" | "export";

/**
 * The Workers rate-limit binding for a tier. RATE_LIMIT_TIER=loadtest swaps the general
 * tier for a very high one (benchmarks, load tests); auth, logging and exports always stay strict.
 */
function limiterFor(tier: Tier, env: Env, viaApiKey: boolean): RateLimit {
  // Programs get a tier of their own, per key, whatever the load-test setting.
  if (tier === "rpc" && viaApiKey) return env.API_KEY_LIMITER;
  if (tier === "auth") return env.AUTH_LIMITER;
  if (tier === "log") return env.LOG_LIMITER;
  if (tier === "export") return env.EXPORT_LIMITER;
  return env.RATE_LIMIT_TIER === "loadtest" ? env.LOADTEST_LIMITER : env.RPC_LIMITER;
}

/** What a refusal says, where a tier's budget is smaller than the general one. */
const REFUSALS: Partial<Record<Tier, string>> = {
  export: "Too many exports. Wait a minute, then export again.",
};

/**
 * How a refusal is answered. "procedure": oRPC routes (RPC and REST) run on with
 * `rateLimited` set, so the caller gets the typed TOO_MANY_REQUESTS error every procedure
 * answers with. "problem": the request stops here with problem details; every plain route
 * (auth, uploads, downloads, exports, live) uses it, so none can forget to check a flag.
 */
type Refusal = "procedure" | "problem";

/**
 * Keyed by the signed-in user when the session is known (it cannot be forged), else the IP.
 * A caller with neither is refused: pooling them under one key would let anyone drain it.
 */
export function rateLimit(tier: Tier, refusal: Refusal = "problem"): MiddlewareHandler<AppEnv> {
  const answerInProcedure = refusal === "procedure";
  return async (c, next) => {
    const userId = c.get("session")?.user.id;
    if (!userId && !c.get("clientIp")) {
      logEvent(c, "refused", { status: 400, reason: "no client address", tier });
      return problem(c, 400, "This request does not say which client sent it.");
    }
    const apiKeyId = c.get("apiKeyId");
    const key = apiKeyId
      ? `${tier}:api-key:${apiKeyId}`
      : userId
        ? `${tier}:user:${userId}`
        : `${tier}:ip:${c.get("clientIp")}`;
    const { success } = await limiterFor(tier, c.env, Boolean(apiKeyId)).limit({ key });
    if (success) return next();
    logEvent(c, "rate-limited", {
      status: 429,
      tier,
      userId: userId ?? null,
      ip: c.get("clientIp"),
    });
    if (answerInProcedure) {
      c.set("rateLimited", true);
      await next();
      c.header("Retry-After", String(RETRY_AFTER_SECONDS));
      return;
    }
    // The binding's windows are 60 s; waiting one whole window is always enough.
    return problem(c, 429, REFUSALS[tier] ?? "Too many requests. Try again in a minute.", {
      "Retry-After": String(RETRY_AFTER_SECONDS),
    });
  };
}
