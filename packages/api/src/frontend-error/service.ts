import { type Database, schema } from "@checkmark/db";
import { withoutUrlQueries } from "@checkmark/logging";
import { desc, sql } from "drizzle-orm";
import { errorFingerprint } from "./fingerprint";
import type { FrontendErrorReport } from "./schema";

const { frontendError } = schema;

/**
 * One upsert per report: a new error is a new row; a repeat (same fingerprint) only counts up
 * and takes the newest time, request id and browser. The page is kept as origin and path, and
 * every URL inside the message and stack loses its query and fragment too: they can carry
 * tokens (`?token=` in reset links), whatever the browser sent.
 */
export async function recordFrontendError(
  db: Database,
  report: FrontendErrorReport & { userAgent: string | null; requestId: string },
) {
  const page = new URL(report.url);
  const message = withoutUrlQueries(report.message);
  const stack = report.stack == null ? report.stack : withoutUrlQueries(report.stack);
  const now = new Date();
  const userAgent = report.userAgent?.slice(0, 500) ?? null;
  await db
    .insert(frontendError)
    .values({
      fingerprint: await errorFingerprint({ message, stack, path: page.pathname }),
      message,
      stack,
      url: page.origin + page.pathname,
      userAgent,
      requestId: report.requestId,
      createdAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: frontendError.fingerprint,
      set: {
        count: sql`${frontendError.count} + 1`,
        lastSeenAt: now,
        requestId: report.requestId,
        userAgent,
      },
    });
}

/** Most recently seen first. */
export function latestFrontendErrors(db: Database, limit: number) {
  return db
    .select()
    .from(frontendError)
    .orderBy(desc(frontendError.lastSeenAt), desc(frontendError.id))
    .limit(limit);
}
