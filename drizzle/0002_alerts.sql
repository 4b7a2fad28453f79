CREATE TABLE `alert_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`alert_id` text NOT NULL,
	`event` text NOT NULL,
	`url` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_due` ON `alert_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_rule` ON `alert_deliveries` (`rule_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `alert_delivery_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`latency_ms` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `alert_deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_delivery_attempts_number` ON `alert_delivery_attempts` (`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `alert_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`trigger` text NOT NULL,
	`scheduled_for` integer,
	`evaluated_at` integer NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`source` text,
	`findings` text NOT NULL,
	`opened` integer NOT NULL,
	`resolved` integer NOT NULL,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_evaluations_rule` ON `alert_evaluations` (`rule_id`,`evaluated_at`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`metric` text NOT NULL,
	`percentile` text NOT NULL,
	`comparator` text NOT NULL,
	`threshold` real NOT NULL,
	`lookahead_weeks` integer NOT NULL,
	`teams` text,
	`schedule` text NOT NULL,
	`timezone` text NOT NULL,
	`webhook_url` text NOT NULL,
	`webhook_secret` text NOT NULL,
	`format` text NOT NULL,
	`cooldown_hours` real NOT NULL,
	`next_run_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_rules_org` ON `alert_rules` (`org_id`);--> statement-breakpoint
CREATE INDEX `alert_rules_next_run` ON `alert_rules` (`next_run_at`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`team_id` text NOT NULL,
	`team_name` text NOT NULL,
	`state` text NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_at` integer,
	`breach_week` integer NOT NULL,
	`breach_date` text NOT NULL,
	`value` real NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_one_open` ON `alerts` (`rule_id`,`team_id`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `alerts_rule_team` ON `alerts` (`rule_id`,`team_id`,`opened_at`);--> statement-breakpoint
CREATE TABLE `scheduler_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
