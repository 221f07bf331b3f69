import { type Database, schema } from "@checkmark/db";
import { desc } from "drizzle-orm";
import type { FrontendErrorReport } from "./schema";

export async function recordFrontendError(
  db: Database,
  report: FrontendErrorReport & { userAgent: string | null; requestId: string },
) {
  await db.insert(schema.frontendError).values({
    ...report,
    userAgent: report.userAgent?.slice(0, 500) ?? null,
  });
}

export function latestFrontendErrors(db: Database, limit: number) {
  return db
    .select()
    .from(schema.frontendError)
    .orderBy(desc(schema.frontendError.createdAt))
    .limit(limit);
}
