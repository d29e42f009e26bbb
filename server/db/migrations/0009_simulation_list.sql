CREATE INDEX `simulations_created_by_created` ON `simulations` (`created_by`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `simulations_created` ON `simulations` (`created_at`,`id`);