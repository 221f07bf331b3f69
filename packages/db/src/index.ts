import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export { schema };

const build = (d1: D1Database) => drizzle(d1, { schema });
export type Database = ReturnType<typeof build>;

// Building a client maps the whole schema (measurable CPU on every request), while a binding
// lives as long as its isolate: one client per binding is enough.
const clients = new WeakMap<D1Database, Database>();

/** The Drizzle client over a D1 binding. */
export function createDb(d1: D1Database): Database {
  let db = clients.get(d1);
  if (!db) {
    db = build(d1);
    clients.set(d1, db);
  }
  return db;
}
