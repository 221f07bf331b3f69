import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import { createdAt } from "./columns";

/**
 * One row per admin action, written in the same D1 batch as the change it records.
 * Append-only: triggers in the migration refuse any UPDATE, and any DELETE of a row younger
 * than the shortest retention (housekeeping deletes older rows by AUDIT_LOG_MAX_AGE_MS).
 * Actor and target ids carry no foreign key, so entries outlive the accounts they name.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    /** The admin who acted (when impersonating: the impersonated user's session, see below). */
    actorId: text("actor_id").notNull(),
    actorEmail: text("actor_email").notNull(),
    /** Set when the action was done in an impersonation session: the admin behind it. */
    impersonatorId: text("impersonator_id"),
    /** e.g. `user.ban`, `user.set-role`, `session.revoke`. */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    requestId: text("request_id").notNull(),
    /** JSON of the values the action changed, before and after; null when there were none. */
    before: text("before"),
    after: text("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt, t.id),
    index("audit_log_action_idx").on(t.action, t.createdAt),
    index("audit_log_target_idx").on(t.targetId, t.createdAt),
  ],
);
