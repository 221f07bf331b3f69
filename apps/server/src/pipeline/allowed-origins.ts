import { listOrigins } from "@checkmark/auth/env";

/** The request's own origin, plus TRUSTED_ORIGINS: the only origins that may use cookies here. */
export function isAllowedOrigin(origin: string, requestUrl: string, env: Env): boolean {
  return origin === new URL(requestUrl).origin || listOrigins(env.TRUSTED_ORIGINS).includes(origin);
}

/** The REST API's paths, which have a CORS policy of their own. */
export function isRestPath(path: string): boolean {
  return path === "/api/v1" || path.startsWith("/api/v1/");
}

/** Third-party origins that may call /api/v1 from a browser, with an API key only. */
export function isApiCorsOrigin(origin: string, env: Env): boolean {
  return listOrigins(env.API_CORS_ORIGINS).includes(origin);
}
