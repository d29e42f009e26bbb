CREATE TABLE `offices` (
	`office` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`place` text NOT NULL,
	`appeal_body` text NOT NULL,
	`signatory_name` text NOT NULL,
	`signatory_position` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `decisions` ADD `office` text;