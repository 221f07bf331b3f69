import { applyD1Migrations, env, reset } from "cloudflare:test";

// Test files share one workerd (`isolate: false` in vitest.config.ts), so each file first gets
// what a fresh workerd gave it: `reset()` deletes the data of every binding (D1, R2, queues,
// Durable Objects), then DB gets every migration; MIGRATION_TEST_DB stays empty.
await reset();
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
