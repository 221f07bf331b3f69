import { itemPage, itemStatements } from "../../shared/src/items";

interface Env {
  DB: D1Database;
}

let seeded: Promise<unknown> | undefined;

export default {
  async fetch(_request, env) {
    // 100 rows shaped like todos, created once per process; each request reads a page of 50.
    seeded ??= env.DB.batch(itemStatements(env.DB)).catch((error: unknown) => {
      seeded = undefined; // the next request tries again
      throw error;
    });
    await seeded;
    return itemPage(env.DB, "bench");
  },
} satisfies ExportedHandler<Env>;
