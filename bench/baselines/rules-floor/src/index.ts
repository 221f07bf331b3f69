import { itemPage, itemStatements } from "../../shared/src/items";

interface Env {
  DB: D1Database;
  LIMITER: RateLimit;
}

/** The session the bench signs in with (its cookie: `session=bench-token`). */
const TOKEN = "bench-token";
let seeded: Promise<unknown> | undefined;

// The bare D1 Worker's 100 rows, plus one session row; created once per process.
function seed(db: D1Database) {
  seeded ??= db
    .batch([
      ...itemStatements(db),
      db.prepare(
        "CREATE TABLE IF NOT EXISTS session (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL)",
      ),
      db.prepare("INSERT OR IGNORE INTO session VALUES (?, 'bench', ?)").bind(TOKEN, 4102444800000),
    ])
    .catch((error: unknown) => {
      seeded = undefined; // the next request tries again
      throw error;
    });
  return seeded;
}

export default {
  async fetch(request, env) {
    const started = performance.now();
    await seed(env.DB);
    // The bench's readiness probe, before any session exists for it to carry.
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return new Response("ok");
    const token = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
    const session = token
      ? await env.DB.prepare("SELECT user_id, expires_at FROM session WHERE token = ?")
          .bind(token)
          .first<{ user_id: string; expires_at: number }>()
      : null;
    if (!session || session.expires_at <= Date.now()) return new Response(null, { status: 401 });
    const { success } = await env.LIMITER.limit({ key: `rpc:user:${session.user_id}` });
    if (!success) return new Response(null, { status: 429 });
    const page = await itemPage(env.DB, session.user_id);
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        method: request.method,
        path: pathname,
        status: 200,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
    return page;
  },
} satisfies ExportedHandler<Env>;
