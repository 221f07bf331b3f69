import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { app } from "../../src/index";
import { ORIGIN } from "../fixtures";

// D1 failing the way it does when something is wrong inside: with SQL and table names in
// the message, which must never reach a client.
export const INTERNAL_D1_ERROR = "D1_ERROR: no such table: user_secrets: SQLITE_ERROR";

const failing = () => Promise.reject(new Error(INTERNAL_D1_ERROR));
const brokenStatement = {
  bind: () => brokenStatement,
  all: failing,
  first: failing,
  run: failing,
  raw: failing,
};

/** Every statement fails. */
export const brokenD1 = {
  prepare: () => brokenStatement,
  batch: failing,
  exec: failing,
} as unknown as D1Database;

/** The real database, except that statements matching `sql` fail as above. */
export function failingWhere(sql: RegExp): D1Database {
  return {
    prepare: (query: string) => (sql.test(query) ? brokenStatement : env.DB.prepare(query)),
    // A batch holding a failing statement fails whole, as D1's does.
    batch: (statements: unknown[]) =>
      statements.includes(brokenStatement)
        ? failing()
        : env.DB.batch(statements as D1PreparedStatement[]),
    exec: (query: string) => env.DB.exec(query),
  } as unknown as D1Database;
}

/** The Worker with `db` as its D1, waiting for its background work before answering. */
export async function callWithDatabase(db: D1Database, path: string, init: RequestInit) {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`${ORIGIN}${path}`, init), { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
