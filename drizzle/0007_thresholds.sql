CREATE TABLE `org_thresholds` (
	`org_id` text PRIMARY KEY NOT NULL,
	`thresholds` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TRIGGER `org_thresholds_revise_insert` AFTER INSERT ON `org_thresholds` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `org_thresholds_revise_update` AFTER UPDATE ON `org_thresholds` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `org_thresholds_revise_delete` AFTER DELETE ON `org_thresholds` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (OLD.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
