ALTER TABLE `history_imports` ADD `runner` text;--> statement-breakpoint
ALTER TABLE `history_imports` ADD `heartbeat_at` integer;