ALTER TABLE `models` ADD `bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written backfill: models saved before this migration count every version they already keep.
UPDATE `models` SET `bytes` = (SELECT COALESCE(SUM(length(CAST(`name` AS BLOB)) + length(CAST(`input` AS BLOB))), 0) FROM `model_versions` WHERE `model_versions`.`model_id` = `models`.`id`);
