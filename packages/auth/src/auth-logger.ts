import { errorFields, withoutQueryParams, writeLog } from "@checkmark/logging";

type Level = "debug" | "info" | "warn" | "error";

/**
 * Better Auth's own messages as our JSON log lines. Its errors can carry a failed query with
 * its values (tokens, hashes, emails); those go through errorFields, which drops them.
 */
export const authLogger = {
  level: "warn" as const,
  log(level: Level, message: string, ...args: unknown[]) {
    writeLog(
      {
        event: "auth",
        level,
        message: withoutQueryParams(message),
        ...(args.length > 0 ? { details: args.map(describe) } : {}),
      },
      level === "error" ? "error" : "log",
    );
  },
};

function describe(arg: unknown): unknown {
  if (arg instanceof Error) return errorFields(arg);
  // Anything else could hold a user's data; its kind is enough to find the call site.
  return typeof arg;
}
