import { DurableObject } from "cloudflare:workers";
import type { LiveTopic } from "@checkmark/api";

/** How often open sockets re-check that their session still exists (sign-out, reset, expiry). */
export const SESSION_RECHECK_MS = 30_000;

/** Close code for a socket whose session was revoked or expired. */
export const SESSION_ENDED = 4001;

interface SocketState {
  sessionId: string;
}

/**
 * One per user: holds every open tab's WebSocket (hibernating, so idle tabs cost nothing) and
 * tells them all when that user's data changes. Sockets whose session is gone are closed by a
 * periodic alarm, since sessions live in D1 (ADR 008) and nothing pushes their end here.
 */
export class UserLive extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get("x-session-id");
    if (!sessionId) return new Response("No session", { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ sessionId } satisfies SocketState);
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + SESSION_RECHECK_MS);
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Tells every open tab of this user that `topic` changed. */
  async changed(topic: LiveTopic): Promise<number> {
    const message = JSON.stringify({ type: "changed", topic });
    const sockets = this.ctx.getWebSockets();
    for (const socket of sockets) {
      try {
        socket.send(message);
      } catch {
        // Closing already; its tab refetches when it reconnects.
      }
    }
    return sockets.length;
  }

  override async alarm(): Promise<void> {
    const sockets = this.ctx.getWebSockets();
    const now = Date.now();
    for (const socket of sockets) {
      const { sessionId } = socket.deserializeAttachment() as SocketState;
      const live = await this.env.DB.prepare(
        "SELECT 1 AS live FROM session WHERE id = ? AND expires_at > ?",
      )
        .bind(sessionId, now)
        .first("live");
      if (!live) socket.close(SESSION_ENDED, "Session ended");
    }
    if (this.ctx.getWebSockets().length > 0) {
      await this.ctx.storage.setAlarm(Date.now() + SESSION_RECHECK_MS);
    }
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // The page only listens; a ping gets a pong so it can tell a dead connection.
    if (message === "ping") socket.send("pong");
  }

  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // 1005/1006 are not codes one may send (STACK-NOTES 32).
    socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }
}

/** The user's object; `changed` never fails the caller's request. */
export function liveFor(env: Env, userId: string) {
  return env.USER_LIVE.get(env.USER_LIVE.idFromName(userId));
}
