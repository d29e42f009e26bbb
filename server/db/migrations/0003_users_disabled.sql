ALTER TABLE `users` ADD `disabled_at` text;
