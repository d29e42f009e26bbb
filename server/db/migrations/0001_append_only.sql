-- Published law and the audit log are append-only: the database refuses to change or delete them.
CREATE TRIGGER rule_files_no_update BEFORE UPDATE ON rule_files
BEGIN SELECT RAISE(ABORT, 'published rule files never change: publish a new version or revision'); END;
--> statement-breakpoint
CREATE TRIGGER rule_files_no_delete BEFORE DELETE ON rule_files
BEGIN SELECT RAISE(ABORT, 'published rule files are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
