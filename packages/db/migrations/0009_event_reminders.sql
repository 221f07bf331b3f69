CREATE TABLE `event_reminder` (
	`event_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`instance_id` text NOT NULL,
	`remind_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_reminder_instance_id_unique` ON `event_reminder` (`instance_id`);--> statement-breakpoint
CREATE INDEX `event_reminder_user_idx` ON `event_reminder` (`user_id`);--> statement-breakpoint
CREATE TABLE `reminder_setting` (
	`user_id` text PRIMARY KEY NOT NULL,
	`minutes_before` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
