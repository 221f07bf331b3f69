import { DurableObject } from "cloudflare:workers";
import type { LiveTopic } from "@checkmark/api";

/** How often open sockets re-check that their session still exists (sign-out, reset, expiry). */
export const SESSION_RECHECK_MS = 30_000;

/** Close code for a socket whose session was revoked or expired. */
export const SESSION_ENDED = 4001;

/** Open sockets one user may hold; a new one closes the oldest (docs/decisions/134). */
export const MAX_SOCKETS_PER_USER = 20;

/**
 * Close code for the oldest socket, closed to make room for a newer one. A tab in the
 * background does not reconnect until it is shown again, so hidden tabs cannot take turns
 * closing each other.
 */
export const REPLACED_BY_NEWER = 4002;

interface SocketState {
  sessionId: string;
  /** When it was accepted (ms); missing on sockets accepted before it was recorded. */
  openedAt?: number;
}

const stateOf = (socket: WebSocket) => socket.deserializeAttachment() as SocketState;

/**
 * One per user: holds every open tab's WebSocket (hibernating, so idle tabs cost nothing), at
 * most MAX_SOCKETS_PER_USER of them, and tells them all when that user's data changes. Sockets
 * whose session is gone are closed by a periodic alarm, since sessions live in D1 (ADR 008) and
 * nothing pushes their end here.
 */
export class UserLive extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get("x-session-id");
    if (!sessionId) return new Response("No session", { status: 401 });
    // Oldest first (a stable sort keeps acceptance order for equal times); all but the newest
    // MAX - 1 make room.
    const open = this.openSockets().sort(
      (a, b) => (stateOf(a).openedAt ?? 0) - (stateOf(b).openedAt ?? 0),
    );
    for (const oldest of open.slice(0, Math.max(0, open.length - (MAX_SOCKETS_PER_USER - 1)))) {
      oldest.close(REPLACED_BY_NEWER, "Replaced by a newer tab");
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ sessionId, openedAt: Date.now() } satisfies SocketState);
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + SESSION_RECHECK_MS);
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Tells every open tab of this user that `topic` changed. */
  async changed(topic: LiveTopic): Promise<number> {
    const message = JSON.stringify({ type: "changed", topic });
    const sockets = this.openSockets();
    for (const socket of sockets) {
      try {
        socket.send(message);
      } catch {
        // Closing already; its tab refetches when it reconnects.
      }
    }
    return sockets.length;
  }

  /** Sockets not closing already (a closed one may be listed until its handshake ends). */
  private openSockets() {
    return this.ctx.getWebSockets().filter((socket) => socket.readyState === WebSocket.OPEN);
  }

  override async alarm(): Promise<void> {
    const sockets = this.openSockets();
    // Every socket's session in one query, not one per socket: the ids travel as one JSON
    // parameter (as `idIn` sends them), so any number of them fits D1's parameter limit.
    const sessionIds = [...new Set(sockets.map((socket) => stateOf(socket).sessionId))];
    const { results } = await this.env.DB.prepare(
      "SELECT id FROM session WHERE id IN (SELECT value FROM json_each(?)) AND expires_at > ?",
    )
      .bind(JSON.stringify(sessionIds), Date.now())
      .all<{ id: string }>();
    const live = new Set(results.map((row) => row.id));
    for (const socket of sockets) {
      if (!live.has(stateOf(socket).sessionId)) socket.close(SESSION_ENDED, "Session ended");
    }
    if (this.openSockets().length > 0) {
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
