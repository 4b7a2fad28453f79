CREATE TABLE `alert_evaluation_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`trigger` text NOT NULL,
	`scheduled_for` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`holder` text,
	`locked_until` integer,
	`evaluation_id` text,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_evaluation_jobs_slot` ON `alert_evaluation_jobs` (`rule_id`,`scheduled_for`);--> statement-breakpoint
CREATE INDEX `alert_evaluation_jobs_status` ON `alert_evaluation_jobs` (`status`,`created_at`);