-- The audit log is append-only: the database itself refuses to change or delete an entry, so no
-- code path (and no future one) can rewrite who did what.
-- Keep in step with ../postgres/0015_audit_triggers.sql.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
