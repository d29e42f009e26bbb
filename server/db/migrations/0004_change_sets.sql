CREATE TABLE `draft_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` text NOT NULL,
	`revision` integer NOT NULL,
	`path` text,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`hash` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `draft_edits_draft` ON `draft_edits` (`draft_id`);--> statement-breakpoint
CREATE TABLE `draft_expectations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` text NOT NULL,
	`path` text NOT NULL,
	`case_name` text NOT NULL,
	`question` text NOT NULL,
	`changes` text NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `draft_expectations_draft` ON `draft_expectations` (`draft_id`);--> statement-breakpoint
CREATE TABLE `draft_files` (
	`draft_id` text NOT NULL,
	`path` text NOT NULL,
	`yaml` text NOT NULL,
	`base_path` text,
	`base_revision` integer,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`draft_id`, `path`)
);
--> statement-breakpoint
ALTER TABLE `drafts` ADD `title` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `revives_repealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Each single-file draft of before becomes a change set of one file; the audit log tells who saved it.
INSERT INTO `draft_files` (`draft_id`, `path`, `yaml`, `base_path`, `base_revision`, `revision`, `updated_by`, `updated_at`)
  SELECT `id`, `path`, `yaml`, `base_path`, `base_revision`, `revision`, `author_id`, `updated_at` FROM `drafts`;--> statement-breakpoint
INSERT INTO `draft_edits` (`draft_id`, `revision`, `path`, `action`, `actor`, `at`)
  SELECT `id`, 1, `path`, 'open', `author_id`, `created_at` FROM `drafts`;--> statement-breakpoint
INSERT INTO `draft_edits` (`draft_id`, `revision`, `path`, `action`, `actor`, `hash`, `at`)
  SELECT substr(`subject`, 7), coalesce(json_extract(`detail`, '$.revision'), 0), NULL, 'save', `actor`, `after_hash`, `at`
  FROM `audit_log` WHERE `action` = 'draft.save' AND `subject` LIKE 'draft:%';--> statement-breakpoint
ALTER TABLE `drafts` DROP COLUMN `question`;--> statement-breakpoint
ALTER TABLE `drafts` DROP COLUMN `path`;--> statement-breakpoint
ALTER TABLE `drafts` DROP COLUMN `base_path`;--> statement-breakpoint
ALTER TABLE `drafts` DROP COLUMN `base_revision`;--> statement-breakpoint
ALTER TABLE `drafts` DROP COLUMN `yaml`;