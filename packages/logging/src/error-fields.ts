import { withoutQueryParams } from "./without-query-params";

/**
 * An error as log fields: its message, each `cause` under it (Drizzle wraps D1's own error,
 * which says what really failed), and the stack, all without query parameters. For logs
 * only, never for a response.
 */
export function errorFields(error: unknown): { error: string; causes?: string[]; stack?: string } {
  const causes: string[] = [];
  for (let cause = (error as Error | undefined)?.cause; cause && causes.length < 5; ) {
    causes.push(withoutQueryParams(String(cause)));
    cause = (cause as Error).cause;
  }
  return {
    error: withoutQueryParams(String(error)),
    ...(causes.length > 0 ? { causes } : {}),
    ...(error instanceof Error && error.stack ? { stack: withoutQueryParams(error.stack) } : {}),
  };
}
