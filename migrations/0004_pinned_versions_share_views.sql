CREATE TABLE `workspace_data_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`row_count` integer NOT NULL,
	`data` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "workspace_data_sets_kind_check" CHECK("workspace_data_sets"."kind" IN ('levels', 'locations', 'fx'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_data_sets_kind_version_idx` ON `workspace_data_sets` (`workspace_id`,`kind`,`version`);--> statement-breakpoint
ALTER TABLE `model_versions` ADD `dataset_version` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `dataset_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `bands_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `levels_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `locations_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `fx_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `result` text;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `kind` text DEFAULT 'save' NOT NULL;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `restored_from` integer;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `change` text;--> statement-breakpoint
ALTER TABLE `models` ADD `dataset_version` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `models` ADD `dataset_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `models` ADD `bands_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `models` ADD `levels_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `models` ADD `locations_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `models` ADD `fx_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `shares` ADD `view` text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE `shares` ADD `expires_at` integer;--> statement-breakpoint
-- Hand-written backfill: every version saved before pinning is pinned to what it would have been
-- priced with at migration time: its workspace's current band set, and the dataset the deploy
-- that runs this migration ships. SQL cannot know that dataset, so it is left empty here and
-- written down by the version's first read (with its result snapshot): until then an empty
-- dataset reads as the running one (worker/db/models.ts pinOf). No workspace levels, locations or
-- FX rates existed before it, so their versions are 0 (see README "Pinned versions").
UPDATE `model_versions` SET `bands_version` = COALESCE((SELECT MAX(`band_sets`.`version`) FROM `band_sets` JOIN `models` ON `models`.`workspace_id` = `band_sets`.`workspace_id` WHERE `models`.`id` = `model_versions`.`model_id`), 0), `kind` = CASE WHEN `version` = 1 THEN 'create' ELSE 'save' END;--> statement-breakpoint
UPDATE `models` SET `bands_version` = COALESCE((SELECT MAX(`version`) FROM `band_sets` WHERE `band_sets`.`workspace_id` = `models`.`workspace_id`), 0);
