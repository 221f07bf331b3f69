-- Written by hand from drizzle-kit's output: SQLite cannot ADD a NOT NULL column without a
-- default, so the table is rebuilt and its rows copied. Rows from before keep their own
-- fingerprint ('legacy:' + id, never a SHA-256 hex), are first and last seen at created_at,
-- and lose the query and fragment of their url, which could carry tokens.
CREATE TABLE `__new_frontend_error` (
	`id` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`message` text NOT NULL,
	`stack` text,
	`url` text NOT NULL,
	`user_agent` text,
	`request_id` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_frontend_error` (`id`, `fingerprint`, `message`, `stack`, `url`, `user_agent`, `request_id`, `count`, `created_at`, `last_seen_at`)
SELECT
	`id`,
	'legacy:' || `id`,
	`message`,
	`stack`,
	CASE
		WHEN instr(`url`, '?') > 0 AND (instr(`url`, '#') = 0 OR instr(`url`, '?') < instr(`url`, '#'))
			THEN substr(`url`, 1, instr(`url`, '?') - 1)
		WHEN instr(`url`, '#') > 0 THEN substr(`url`, 1, instr(`url`, '#') - 1)
		ELSE `url`
	END,
	`user_agent`,
	`request_id`,
	1,
	`created_at`,
	`created_at`
FROM `frontend_error`;
--> statement-breakpoint
DROP TABLE `frontend_error`;--> statement-breakpoint
ALTER TABLE `__new_frontend_error` RENAME TO `frontend_error`;--> statement-breakpoint
CREATE UNIQUE INDEX `frontend_error_fingerprint_idx` ON `frontend_error` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `frontend_error_last_seen_idx` ON `frontend_error` (`last_seen_at`);
