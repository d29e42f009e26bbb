CREATE TABLE `replay_impacts` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`draft_revision` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`questions` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`result` text,
	`error` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `decisions_question_date` ON `decisions` (`question`,`date`);