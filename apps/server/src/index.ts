import { env } from "cloudflare:workers";
import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { health } from "./health";
import { errorFields, logEvent } from "./log";
import { bodyLimit } from "./pipeline/body-limit";
import { cors } from "./pipeline/cors";
import { originGuard } from "./pipeline/origin-guard";
import { rateLimit } from "./pipeline/rate-limit";
import { requestContext } from "./pipeline/request-context";
import { securityHeaders } from "./pipeline/security-headers";
import { problem } from "./problem";
import { assertStartable } from "./startup-check";

// Startup evaluates only the pipeline above (ADR 090): everything behind a route is imported on
// its route's first request, so an isolate that never serves /api/auth never builds Better
// Auth, one that never serves /api/v1 never builds the OpenAPI handler, and so on. The build
// (scripts/bundle.mjs, ADR 097) puts what only an `import()` reaches in chunks of its own, which
// workerd neither parses nor evaluates until that `import()` first runs.
const services = () => import("./pipeline/services");
const rpc = () => import("./rpc");
const rest = () => import("./openapi");
const attachments = () => import("./attachments/routes");
const accountExports = () => import("./account/export-routes");

/** A middleware of `services`, loaded on first use. */
function fromServices(name: "withServices" | "withSession" | "withRestSession") {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) =>
    (await services())[name](c, next);
  return middleware;
}
const withServices = fromServices("withServices");
const withSession = fromServices("withSession");
const withRestSession = fromServices("withRestSession");

// Before anything is served: without a required secret or binding the Worker does not start,
// and the error names what is missing (a deploy of such a version fails its startup check).
assertStartable(env);

/** The HTTP app; tests call `app.fetch` with an env of their own. */
export const app = new Hono<AppEnv>();

// Every request, in this order: id/timing/IP/log, headers, CORS, CSRF, body size.
app.use(requestContext, securityHeaders, cors, originGuard, bodyLimit);

app.get("/health", health);
app.on(["POST", "PUT", "PATCH", "DELETE"], "/health", (c) =>
  problem(c, 405, "Use GET.", { Allow: "GET, HEAD" }),
);

// Auth: strict tier per IP, then Better Auth (which adds its own per-endpoint limits).
app.use("/api/auth/*", rateLimit("auth"), withServices);
app.on(["GET", "POST"], "/api/auth/*", async (c) => (await import("./auth-route")).handleAuth(c));

app.post("/api/log/frontend-error", rateLimit("log"), async (c) =>
  (await import("./frontend-error")).handleFrontendError(c),
);

// RPC: the session is resolved first, so the limiter can key by user and cannot be fooled
// by a made-up cookie; procedures then reuse the same session.
app.use("/rpc/*", withServices, withSession, rateLimit("rpc", "procedure"));
app.all(
  "/rpc/*",
  async (c) => (await (await rpc()).handleRpc(c)) ?? problem(c, 404, "No such procedure."),
);

// Attachments: plain HTTP, since they stream bytes; per-user limits like /rpc.
app.use("/api/attachments", withServices, withSession, rateLimit("rpc"));
app.use("/api/attachments/:id", withServices, withSession, rateLimit("rpc"));
app.post("/api/attachments", async (c) => (await attachments()).uploadAttachment(c));
app.get("/api/attachments/:id", async (c) => (await attachments()).downloadAttachment(c));

// The account's data as downloads, streamed (ADR 077). Each reads the whole account, so it
// also spends a small budget of its own (ADR 132).
app.use("/api/account/*", withServices, withSession, rateLimit("rpc"), rateLimit("export"));
app.get("/api/account/export.json", async (c) => (await accountExports()).exportJson(c));
app.get("/api/account/export.ics", async (c) => (await accountExports()).exportIcs(c));

// Live updates: one hibernating WebSocket per tab, held by the user's Durable Object.
app.get("/api/live", withServices, withSession, rateLimit("rpc"), async (c) =>
  (await import("./live/route")).openLive(c),
);
// The same procedures as REST; the spec is the committed openapi.json, kept equal to them by the
// tests (ADR 141; docs page: the web app's /api/docs).
app.get("/api/openapi.json", async (c) =>
  c.body((await rest()).openApiSpec(), 200, { "content-type": "application/json" }),
);
app.use("/api/v1/*", withServices, withRestSession, rateLimit("rpc", "procedure"));
app.all("/api/v1/*", async (c) => (await rest()).handleRest(c));

app.notFound((c) => problem(c, 404));

app.onError((error, c) => {
  // The full error stays in the log; the client gets the request id to quote.
  logEvent(c, "unhandled-error", { status: 500, ...errorFields(error) });
  return problem(c, 500, "Something went wrong on our side.");
});

export default {
  fetch: app.fetch,
  scheduled: async (controller, env, ctx) =>
    (await import("./housekeeping")).scheduled(controller, env, ctx),
  queue: async (batch, env, ctx) => (await import("./mail-queue/consumer")).queue(batch, env, ctx),
} satisfies ExportedHandler<Env>;

export { UserLive } from "./live/user-live";
export { EventReminderWorkflow } from "./reminders/event-reminder-workflow";
