-- The audit log is append-only for the app: no entry can be changed, and none younger than
-- 30 days can be deleted (housekeeping's retention, AUDIT_LOG_MAX_AGE_MS, must be at least that).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_early_delete` BEFORE DELETE ON `audit_log`
WHEN OLD.`created_at` > (unixepoch() - 30 * 86400) * 1000
BEGIN
  SELECT RAISE(ABORT, 'audit_log entries are kept at least 30 days');
END;
