CREATE TABLE `attachment` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`todo_id` text NOT NULL,
	`object_key` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`todo_id`) REFERENCES `todo`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachment_object_key_unique` ON `attachment` (`object_key`);--> statement-breakpoint
CREATE INDEX `attachment_todo_idx` ON `attachment` (`todo_id`);--> statement-breakpoint
CREATE INDEX `attachment_user_idx` ON `attachment` (`user_id`);--> statement-breakpoint
CREATE TABLE `mail_dead_letter` (
	`mail_id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_delivery` (
	`mail_id` text PRIMARY KEY NOT NULL,
	`delivered_at` integer NOT NULL
);
