import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Empty: no migrations applied by the setup file. */
      MIGRATION_TEST_DB: D1Database;
    }
  }
}
