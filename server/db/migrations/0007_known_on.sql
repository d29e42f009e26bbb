ALTER TABLE `decisions` ADD `known_on` text;--> statement-breakpoint
-- hand-written:
-- A receipt stored before known_on existed was answered with the law as the server knew it that day.
UPDATE `decisions` SET `known_on` = substr(`created_at`, 1, 10) WHERE `known_on` IS NULL;
