import { type Database, schema } from "@checkmark/db";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DeleteBatch } from "./batched-delete";
import {
  AUDIT_LOG_MAX_AGE_MS,
  DELETED_TODO_RETENTION_MS,
  DEV_MAIL_MAX_AGE_MS,
  FRONTEND_ERROR_MAX_AGE_MS,
  FRONTEND_ERROR_MAX_ROWS,
  MAIL_DEAD_LETTER_MAX_AGE_MS,
  MAIL_DELIVERY_MAX_AGE_MS,
  RATE_LIMIT_IDLE_MS,
  UNCONFIRMED_USER_MAX_AGE_MS,
} from "./retention";

const {
  auditLog,
  devMail,
  frontendError,
  mailDeadLetter,
  mailDelivery,
  rateLimit,
  session,
  todo,
  user,
  verification,
} = schema;

/** Deletes a batch of `table`'s rows matching `where`: their ids are picked, then those rows go. */
function deleteWhere(
  db: Database,
  table: SQLiteTable,
  id: AnySQLiteColumn,
  where: SQL | undefined,
) {
  return async (limit: number) => {
    const batch = db.select({ id }).from(table).where(where).limit(limit);
    const result = await db.delete(table).where(inArray(id, batch));
    return result.meta.changes;
  };
}

export interface JobOptions {
  /** FRONTEND_ERROR_MAX_ROWS unless a test wants a smaller cap. */
  frontendErrorMaxRows?: number;
}

/** Every deletion job, by the name it logs under, in the order they run. */
export function deletionJobs(
  db: Database,
  now: Date,
  { frontendErrorMaxRows = FRONTEND_ERROR_MAX_ROWS }: JobOptions = {},
): Record<string, DeleteBatch> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return {
    "frontend-error-stale": deleteWhere(
      db,
      frontendError,
      frontendError.id,
      lt(frontendError.lastSeenAt, ago(FRONTEND_ERROR_MAX_AGE_MS)),
    ),
    // Every row behind the newest `frontendErrorMaxRows` by last sight.
    "frontend-error-over-cap": async (limit) => {
      const behindTheNewest = db
        .select({ id: frontendError.id })
        .from(frontendError)
        .orderBy(desc(frontendError.lastSeenAt), desc(frontendError.id))
        .limit(limit)
        .offset(frontendErrorMaxRows);
      const result = await db
        .delete(frontendError)
        .where(inArray(frontendError.id, behindTheNewest));
      return result.meta.changes;
    },
    "dev-mail-old": deleteWhere(
      db,
      devMail,
      devMail.id,
      lt(devMail.createdAt, ago(DEV_MAIL_MAX_AGE_MS)),
    ),
    "mail-delivery-old": deleteWhere(
      db,
      mailDelivery,
      mailDelivery.mailId,
      lt(mailDelivery.deliveredAt, ago(MAIL_DELIVERY_MAX_AGE_MS)),
    ),
    "mail-dead-letter-old": deleteWhere(
      db,
      mailDeadLetter,
      mailDeadLetter.mailId,
      lt(mailDeadLetter.createdAt, ago(MAIL_DEAD_LETTER_MAX_AGE_MS)),
    ),
    "session-expired": deleteWhere(db, session, session.id, lt(session.expiresAt, now)),
    "verification-expired": deleteWhere(
      db,
      verification,
      verification.id,
      lt(verification.expiresAt, now),
    ),
    "rate-limit-idle": deleteWhere(
      db,
      rateLimit,
      rateLimit.id,
      lt(rateLimit.lastRequest, now.getTime() - RATE_LIMIT_IDLE_MS),
    ),
    // Deleted and cleared todos whose undo has run out (the deleted_at index finds them).
    "todo-deleted": deleteWhere(
      db,
      todo,
      todo.id,
      lt(todo.deletedAt, ago(DELETED_TODO_RETENTION_MS)),
    ),
    // Their session, account, todo and event rows go with them (ON DELETE CASCADE).
    "user-unconfirmed": deleteWhere(
      db,
      user,
      user.id,
      and(eq(user.emailVerified, false), lt(user.createdAt, ago(UNCONFIRMED_USER_MAX_AGE_MS))),
    ),
    // The only deletion of audit entries anywhere; the table's trigger refuses younger ones.
    "audit-log-old": deleteWhere(
      db,
      auditLog,
      auditLog.id,
      lt(auditLog.createdAt, ago(AUDIT_LOG_MAX_AGE_MS)),
    ),
  };
}
