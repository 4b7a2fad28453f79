CREATE TABLE `github_repositories` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`repo` text NOT NULL,
	`team` text,
	`etag` text,
	`cursor` integer,
	`resume_page` integer,
	`resume_target` integer,
	`last_sync_at` integer,
	`last_status` text,
	`last_error` text,
	`pulls_read` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `github_repositories_org_repo` ON `github_repositories` (`org_id`,`repo`);--> statement-breakpoint
CREATE TABLE `github_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`base_url` text NOT NULL,
	`token_ciphertext` text,
	`schedule` text,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`next_sync_at` integer,
	`last_sync_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
