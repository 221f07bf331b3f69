-- Edited from drizzle-kit's output: SQLite cannot drop NOT NULL from todo_id, so the table is
-- rebuilt and its rows (all on todos) copied; the old table has no event_id to copy. No other
-- table points at attachment and it has no triggers, so dropping it loses nothing. The
-- PRAGMA foreign_keys lines are gone: a no-op inside the transaction a migration runs in.
CREATE TABLE `__new_attachment` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`todo_id` text,
	`event_id` text,
	`object_key` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`todo_id`) REFERENCES `todo`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "attachment_one_parent" CHECK((todo_id IS NULL) <> (event_id IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_attachment`("id", "user_id", "todo_id", "object_key", "name", "content_type", "size", "created_at") SELECT "id", "user_id", "todo_id", "object_key", "name", "content_type", "size", "created_at" FROM `attachment`;--> statement-breakpoint
DROP TABLE `attachment`;--> statement-breakpoint
ALTER TABLE `__new_attachment` RENAME TO `attachment`;--> statement-breakpoint
CREATE UNIQUE INDEX `attachment_object_key_unique` ON `attachment` (`object_key`);--> statement-breakpoint
CREATE INDEX `attachment_todo_idx` ON `attachment` (`todo_id`);--> statement-breakpoint
CREATE INDEX `attachment_event_idx` ON `attachment` (`event_id`);--> statement-breakpoint
CREATE INDEX `attachment_user_idx` ON `attachment` (`user_id`);