import { env } from "cloudflare:test";

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * The test D1, recording every statement prepared through it with the parameters bound to it,
 * so a test can ask SQLite how it would run the app's own queries (EXPLAIN QUERY PLAN).
 */
export function recordingD1() {
  const recorded: RecordedStatement[] = [];
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property !== "prepare") {
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (sql: string) => {
        const entry: RecordedStatement = { sql, params: [] };
        recorded.push(entry);
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(inner, name) {
            if (name === "bind") {
              return (...params: unknown[]) => {
                entry.params = params;
                return inner.bind(...params);
              };
            }
            const value = Reflect.get(inner, name);
            return typeof value === "function" ? value.bind(inner) : value;
          },
        });
      };
    },
  });
  return { db, recorded };
}
