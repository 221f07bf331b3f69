import { listOrigins } from "@checkmark/auth";

/** The request's own origin, plus TRUSTED_ORIGINS: the only origins that may use cookies here. */
export function isAllowedOrigin(origin: string, requestUrl: string, env: Env): boolean {
  return origin === new URL(requestUrl).origin || listOrigins(env.TRUSTED_ORIGINS).includes(origin);
}
