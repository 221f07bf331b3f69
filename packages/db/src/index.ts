import { drizzle } from "drizzle-orm/d1";
import { oncePer } from "./once-per";
import * as schema from "./schema";

export { oncePer, schema };

const build = (d1: D1Database) => drizzle(d1, { schema });
export type Database = ReturnType<typeof build>;

// Building a client maps the whole schema (measurable CPU on every request), while a binding
// lives as long as its isolate: one client per binding is enough.
/** The Drizzle client over a D1 binding. */
export const createDb: (d1: D1Database) => Database = oncePer(build);
