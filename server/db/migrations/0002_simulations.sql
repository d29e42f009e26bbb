CREATE TABLE `simulations` (
	`id` text PRIMARY KEY NOT NULL,
	`question` text NOT NULL,
	`date` text NOT NULL,
	`baseline_version` text,
	`baseline_hash` text,
	`proposal_version` text NOT NULL,
	`proposal_hash` text NOT NULL,
	`population_hash` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text
);
