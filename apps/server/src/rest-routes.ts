import { appRouter } from "@checkmark/api";

export const REST_PREFIX = "/api/v1";

/**
 * Only procedures given a REST route (`.route({ method, path })`) are published and answered
 * at /api/v1; every other one stays on /rpc. Without it, oRPC would also answer each of them
 * at `POST /api/v1/<router>/<procedure>`, undescribed.
 */
export const hasRestRoute = ({
  contract,
}: {
  contract: { "~orpc": { route: { path?: string } } };
}) => Boolean(contract["~orpc"].route.path);

type RestRoute = { method: string; pattern: RegExp };
let routes: RestRoute[] | undefined;

/** Every REST operation's method and path (`{id}` matching one segment), for 405 answers. */
export function restRoutes(): RestRoute[] {
  routes ??= collectRoutes(appRouter);
  return routes;
}

function collectRoutes(node: object): RestRoute[] {
  const route = (node as { "~orpc"?: { route: { method?: string; path?: string } } })["~orpc"]
    ?.route;
  if (route) {
    if (!route.path) return [];
    // Literal text escaped; each `{param}` matches one segment.
    const literal = route.path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`^${literal.join("[^/]+")}/?$`);
    return [{ method: route.method ?? "POST", pattern }];
  }
  return Object.values(node).flatMap((child) =>
    child && typeof child === "object" ? collectRoutes(child) : [],
  );
}
