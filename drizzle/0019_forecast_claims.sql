CREATE TABLE `forecast_claims` (
	`key` text PRIMARY KEY NOT NULL,
	`runner` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
