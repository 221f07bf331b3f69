import type { Page, Request, Route } from "@playwright/test";

// The app sends the calls it makes in the same tick as one oRPC batch (`/rpc/<first>/__batch__`,
// the calls listed in its body), so a test that stands in for the server must recognise a call
// alone or inside a batch, and answer each call of a batch in turn.

const procedureOf = (url: string) => new URL(url).pathname.replace(/^\/rpc\//, "");

/** The procedures one request calls, e.g. `["todo/list", "todo/counts"]`. */
function calledProcedures(request: Request): string[] {
  const path = procedureOf(request.url());
  if (!path.endsWith("/__batch__")) return [path];
  const calls = (request.postDataJSON() ?? []) as { url: string }[];
  return calls.map((call) => procedureOf(call.url));
}

/** Hands every request that calls `procedure`, alone or in a batch, to `handle`. */
export function onCallsTo(page: Page, procedure: string, handle: (route: Route) => unknown) {
  return page.route("**/rpc/**", async (route) => {
    if (calledProcedures(route.request()).includes(procedure)) await handle(route);
    else await route.fallback();
  });
}

/** Stops standing in for the server: requests go through again. */
export const stopStandingIn = (page: Page) => page.unroute("**/rpc/**");

/**
 * Answers every call of the request with the same error, as oRPC sends it: what the server does
 * when it fails a whole request, or refuses it for too many requests.
 */
export function failEveryCall(route: Route, status: number, code: string) {
  const error = { json: { defined: false, code, status, message: code } };
  const calls = calledProcedures(route.request());
  const batch = new URL(route.request().url()).pathname.endsWith("/__batch__");
  return route.fulfill({
    status: batch ? 200 : status,
    contentType: "application/json",
    body: JSON.stringify(batch ? calls.map((_, index) => ({ index, status, body: error })) : error),
  });
}
