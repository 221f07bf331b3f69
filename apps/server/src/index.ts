import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { exportIcs, exportJson } from "./account/export-routes";
import type { AppEnv } from "./app-env";
import { downloadAttachment, uploadAttachment } from "./attachments/routes";
import { handleAuth } from "./auth-route";
import { handleFrontendError } from "./frontend-error";
import { health } from "./health";
import { scheduled } from "./housekeeping";
import { openLive } from "./live/route";
import { errorFields, logEvent } from "./log";
import { queue } from "./mail-queue/consumer";
import { handleRest, openApiSpec } from "./openapi";
import { bodyLimit } from "./pipeline/body-limit";
import { cors } from "./pipeline/cors";
import { originGuard } from "./pipeline/origin-guard";
import { rateLimit } from "./pipeline/rate-limit";
import { requestContext } from "./pipeline/request-context";
import { securityHeaders } from "./pipeline/security-headers";
import { withRestSession, withServices, withSession } from "./pipeline/services";
import { problem } from "./problem";
import { handleRpc } from "./rpc";
import { assertStartable } from "./startup-check";

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
app.on(["GET", "POST"], "/api/auth/*", handleAuth);

app.post("/api/log/frontend-error", rateLimit("log"), handleFrontendError);

// RPC: the session is resolved first, so the limiter can key by user and cannot be fooled
// by a made-up cookie; procedures then reuse the same session.
app.use("/rpc/*", withServices, withSession, rateLimit("rpc"));
app.all("/rpc/*", async (c) => (await handleRpc(c)) ?? problem(c, 404, "No such procedure."));

// Attachments: plain HTTP, since they stream bytes; per-user limits like /rpc.
app.use("/api/attachments", withServices, withSession, rateLimit("rpc"));
app.use("/api/attachments/:id", withServices, withSession, rateLimit("rpc"));
app.post("/api/attachments", uploadAttachment);
app.get("/api/attachments/:id", downloadAttachment);

// The account's data as downloads, streamed (ADR 077).
app.use("/api/account/*", withServices, withSession, rateLimit("rpc"));
app.get("/api/account/export.json", exportJson);
app.get("/api/account/export.ics", exportIcs);

// Live updates: one hibernating WebSocket per tab, held by the user's Durable Object.
app.get("/api/live", withServices, withSession, rateLimit("rpc"), openLive);
// The same procedures as REST, with the spec generated from them (docs page: the web app's /api/docs).
app.get("/api/openapi.json", async (c) =>
  c.body(await openApiSpec(), 200, { "content-type": "application/json" }),
);
app.use("/api/v1/*", withServices, withRestSession, rateLimit("rpc"));
app.all("/api/v1/*", async (c) => (await handleRest(c)) ?? problem(c, 404, "No such operation."));

app.notFound((c) => problem(c, 404));

app.onError((error, c) => {
  // The full error stays in the log; the client gets the request id to quote.
  logEvent(c, "unhandled-error", { status: 500, ...errorFields(error) });
  return problem(c, 500, "Something went wrong on our side.");
});

export default { fetch: app.fetch, scheduled, queue } satisfies ExportedHandler<Env>;

export { UserLive } from "./live/user-live";
export { EventReminderWorkflow } from "./reminders/event-reminder-workflow";
