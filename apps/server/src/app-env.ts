import type { Auth, SessionResult } from "@checkmark/auth";
import type { Database } from "@checkmark/db";

/** Hono's bindings and per-request variables for the server Worker. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /**
     * From `cf-connecting-ip`, which Cloudflare sets and clients cannot forge past the edge;
     * IPv6 grouped by /64. Null when missing (only an internal caller could send that).
     */
    clientIp: string | null;
    db: Database;
    auth: Auth;
    /** Resolved once per /rpc request and shared by the limiter and every procedure. */
    session: SessionResult | null;
    /** Set by the /rpc and /api/v1 limiter: the procedures answer TOO_MANY_REQUESTS. */
    rateLimited?: boolean;
    /** The caller authenticated with a read-only API key. */
    readOnly?: boolean;
    /** The API key the caller authenticated with (never the key itself: its row id). */
    apiKeyId?: string;
    /** The caller sent an API key that is unknown, revoked or expired (or its owner is banned). */
    apiKeyRejected?: boolean;
  };
}
