/**
 * One structured JSON line. Callers pass facts, never secrets: no passwords, tokens,
 * cookies or bodies ever go in here. `error` for failures.
 */
export function writeLog(fields: Record<string, unknown>, level: "log" | "error" = "log") {
  console[level](JSON.stringify({ time: new Date().toISOString(), ...fields }));
}
