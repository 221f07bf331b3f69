/**
 * Drizzle's query errors read `Failed query: <sql>\nparams: <values>`, and the values are
 * session tokens, password hashes and emails. Logs keep the query's shape, never its values.
 */
export function withoutQueryParams(text: string): string {
  return text.replace(/^(\s*params:)[^\n]*/gm, "$1 [redacted]");
}
