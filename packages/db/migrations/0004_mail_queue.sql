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
