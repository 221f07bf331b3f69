import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export { schema };

/** A Drizzle client over a D1 binding; cheap enough to build per request. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof createDb>;
