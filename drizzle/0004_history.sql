CREATE TABLE `history_aliases` (
	`org_id` text NOT NULL,
	`identity` text NOT NULL,
	`employee_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_aliases_org_identity` ON `history_aliases` (`org_id`,`identity`);--> statement-breakpoint
CREATE TABLE `history_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`source_id` text NOT NULL,
	`key` text NOT NULL,
	`author` text NOT NULL,
	`author_name` text NOT NULL,
	`signer` text,
	`reviewers` text NOT NULL,
	`authored_at` integer NOT NULL,
	`first_review_at` integer,
	`signed_off_at` integer,
	`ai_assisted` integer NOT NULL,
	`lines` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `history_sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_changes_source_key` ON `history_changes` (`source_id`,`key`);--> statement-breakpoint
CREATE INDEX `history_changes_org_authored` ON `history_changes` (`org_id`,`authored_at`);--> statement-breakpoint
CREATE TABLE `history_identities` (
	`org_id` text NOT NULL,
	`identity` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_identities_org_identity` ON `history_identities` (`org_id`,`identity`);--> statement-breakpoint
CREATE TABLE `history_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`source_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`bytes_read` integer DEFAULT 0 NOT NULL,
	`changes_read` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `history_sources`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `history_imports_org_created` ON `history_imports` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `history_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`team_id` text,
	`last_import_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_sources_org_kind_name` ON `history_sources` (`org_id`,`kind`,`name`);--> statement-breakpoint
ALTER TABLE `engineers` ADD `emails` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `engineers` ADD `github` text;