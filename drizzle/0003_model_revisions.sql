CREATE TABLE `model_revisions` (
	`org_id` text PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
CREATE TRIGGER `teams_revise_insert` AFTER INSERT ON `teams` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `teams_revise_update` AFTER UPDATE ON `teams` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `teams_revise_delete` AFTER DELETE ON `teams` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (OLD.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `org_settings_revise_insert` AFTER INSERT ON `org_settings` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `org_settings_revise_update` AFTER UPDATE ON `org_settings` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `org_settings_revise_delete` AFTER DELETE ON `org_settings` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (OLD.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenarios_revise_insert` AFTER INSERT ON `scenarios` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenarios_revise_update` AFTER UPDATE ON `scenarios` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenarios_revise_delete` AFTER DELETE ON `scenarios` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (OLD.`org_id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `orgs_revise_update` AFTER UPDATE OF `name` ON `orgs` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) VALUES (NEW.`id`, 1) ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenario_versions_revise_insert` AFTER INSERT ON `scenario_versions` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) SELECT `org_id`, 1 FROM `scenarios` WHERE `id` = NEW.`scenario_id` ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenario_versions_revise_update` AFTER UPDATE ON `scenario_versions` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) SELECT `org_id`, 1 FROM `scenarios` WHERE `id` = NEW.`scenario_id` ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `scenario_versions_revise_delete` AFTER DELETE ON `scenario_versions` BEGIN
	INSERT INTO `model_revisions` (`org_id`, `revision`) SELECT `org_id`, 1 FROM `scenarios` WHERE `id` = OLD.`scenario_id` ON CONFLICT (`org_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
