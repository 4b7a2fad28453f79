CREATE TABLE `forecast_run_teams` (
	`run_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`teams` blob NOT NULL,
	PRIMARY KEY(`run_id`, `chunk`),
	FOREIGN KEY (`run_id`) REFERENCES `forecast_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `forecast_jobs` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `forecast_jobs` ADD `heartbeat_at` integer;
--> statement-breakpoint
INSERT INTO `forecast_run_teams` (`run_id`, `chunk`, `teams`) SELECT `id`, 0, CAST(json_extract(`series`, '$.teams') AS BLOB) FROM `forecast_runs`;
--> statement-breakpoint
UPDATE `forecast_runs` SET `series` = json_remove(`series`, '$.teams');
