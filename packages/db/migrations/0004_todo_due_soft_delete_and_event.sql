-- drizzle-kit's output, with one fix by hand: it split the expression in the two due-date
-- indexes at its comma (coalesce(`due_date`, '9999-12-31') is one index column). Existing
-- todos keep every value: the new columns are nullable, and the list index is rebuilt with the
-- id and without soft-deleted rows.
CREATE TABLE `event` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`location` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`time_zone` text NOT NULL,
	`import_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_user_starts_idx` ON `event` (`user_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_user_import_key_idx` ON `event` (`user_id`,`import_key`) WHERE import_key IS NOT NULL;--> statement-breakpoint
DROP INDEX `todo_user_created_idx`;--> statement-breakpoint
ALTER TABLE `todo` ADD `due_date` text;--> statement-breakpoint
ALTER TABLE `todo` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `todo_user_status_created_idx` ON `todo` (`user_id`,`completed`,`created_at`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `todo_user_due_idx` ON `todo` (`user_id`,coalesce(`due_date`, '9999-12-31'),`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `todo_user_status_due_idx` ON `todo` (`user_id`,`completed`,coalesce(`due_date`, '9999-12-31'),`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `todo_deleted_idx` ON `todo` (`deleted_at`,`user_id`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `todo_user_created_idx` ON `todo` (`user_id`,`created_at`,`id`) WHERE deleted_at IS NULL;