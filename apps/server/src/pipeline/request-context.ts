import type { normalizeIP as NormalizeIP } from "@better-auth/core/utils/ip";
import { redactPath } from "@checkmark/logging";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { writeLog } from "../log";

const WELL_FORMED_ID = /^[A-Za-z0-9._-]{8,128}$/;

// Better Auth's normaliser, imported on the first request that carries an address: its module
// builds zod schemas, which the Worker would otherwise pay for at startup (ADR 090).
let normalizeIP: typeof NormalizeIP | undefined;

/**
 * The caller's address as limits count it: IPv6 by its /64 (one household or host holds a
 * whole /64, as Better Auth counts too), IPv4 as it is. Null when the header is missing or is
 * not an address: such callers share no bucket (the limiter refuses them instead).
 */
async function clientAddress(header: string | undefined): Promise<string | null> {
  const ip = header?.trim();
  if (!ip || !/^[0-9a-fA-F:.]{2,45}$/.test(ip)) return null;
  normalizeIP ??= (await import("@better-auth/core/utils/ip")).normalizeIP;
  return normalizeIP(ip, { ipv6Subnet: 64 });
}

/**
 * First in the pipeline: a request id (the caller's if well formed, else a new one) echoed on
 * the response, the client IP, Server-Timing, and one access-log line per request.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && WELL_FORMED_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("clientIp", await clientAddress(c.req.header("cf-connecting-ip")));

  await next();

  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const response = c.res;
  response.headers.set("X-Request-Id", requestId);
  response.headers.append("Server-Timing", `total;dur=${durationMs}`);
  // The access line, built as one flat object (it runs on every request: < 0.3 ms, issue 13).
  const session = c.get("session");
  writeLog({
    event: "request",
    requestId,
    method: c.req.method,
    path: redactPath(c.req.path),
    status: response.status,
    durationMs,
    userId: session?.user.id ?? null,
    // Writes made while an admin acts as the user are theirs to answer for, in the log too.
    impersonatorId: session?.session.impersonatedBy ?? undefined,
  });
};
