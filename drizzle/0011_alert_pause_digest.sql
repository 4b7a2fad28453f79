ALTER TABLE `alert_deliveries` ADD `teams` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `digest` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `paused_at` integer;--> statement-breakpoint
UPDATE `alert_deliveries` SET `teams` = (SELECT json_array(json_object('id', `alerts`.`team_id`, 'name', `alerts`.`team_name`)) FROM `alerts` WHERE `alerts`.`id` = `alert_deliveries`.`alert_id`) WHERE EXISTS (SELECT 1 FROM `alerts` WHERE `alerts`.`id` = `alert_deliveries`.`alert_id`);
