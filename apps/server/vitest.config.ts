import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "../../packages/db/migrations");

// The mail queue's consumer as wrangler.jsonc declares it, but delivering each message at once
// instead of after its 1 s batch window: nearly every test waits for a mailed link (sign-up
// alone does), and those waits were most of the slowest files' time.
const consumers: {
  queue: string;
  max_batch_size?: number;
  max_retries?: number;
  dead_letter_queue?: string;
  retry_delay?: number;
}[] = unstable_readConfig({ config: "./wrangler.jsonc" }).queues.consumers ?? [];
const mailConsumer = consumers.find((consumer) => consumer.queue === "checkmark-mail");
if (!mailConsumer) throw new Error("wrangler.jsonc has no consumer of checkmark-mail");
const mailConsumerNow = {
  maxBatchSize: mailConsumer.max_batch_size,
  maxBatchTimeout: 0,
  maxRetries: mailConsumer.max_retries,
  deadLetterQueue: mailConsumer.dead_letter_queue,
  retryDelay: mailConsumer.retry_delay,
};

// Tests run inside workerd against the real Worker and a real local D1 with every migration
// applied: no mocked database, no mocked auth.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      // The source, through Vite, not wrangler.jsonc's `main` (build/index.js, the split bundle
      // that deploys): the tests import src/ modules beside SELF and run against one copy of them.
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          // A test-only secret; real ones come from .dev.vars or `wrangler secret put`.
          BETTER_AUTH_SECRET: "test-secret-for-workerd-tests-only-0123456789",
          MAIL_TRANSPORT: "dev-mailbox",
          // Development origins, as .dev.vars gives them locally; never in wrangler.jsonc.
          TRUSTED_ORIGINS: "http://localhost:3001,http://localhost:3000",
          AUTH_ALLOWED_HOSTS: "localhost:*,127.0.0.1:*",
          // A third-party web app allowed to call /api/v1 with API keys (never cookies).
          API_CORS_ORIGINS: "https://partner.example",
          TEST_MIGRATIONS: await readD1Migrations(migrationsDir),
        },
        queueConsumers: { "checkmark-mail": mailConsumerNow },
        // An empty database of its own, for tests that apply migrations step by step.
        d1Databases: { MIGRATION_TEST_DB: "migration-test" },
      },
    }),
  ],
  test: {
    // test-node/ holds Node-only checks (the OpenAPI validator), run by vitest.node.config.ts.
    include: ["test/**/*.test.ts"],
    // One workerd for every file, in turn: starting a fresh one per file cost about 5 s each
    // (54 files, about half the suite's time). The setup file gives each file the clean
    // storage a fresh workerd gave it (reset(), then the migrations).
    isolate: false,
    setupFiles: ["./test/apply-migrations.ts"],
    // Each sign-up hashes a password (about 60 ms of CPU); on 2 busy cores a test that makes
    // several users needs more than Vitest's 5 s default, and so does a `beforeAll` that
    // signs its file's shared users up (the first sign-up after a rebuild took 14 s).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
}));
