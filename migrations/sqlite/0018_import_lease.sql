-- A catalog import is worked on by one app server at a time: the server holding the lease
-- renews it with every batch; an import whose lease has run out (its server stopped) is claimed
-- and resumed by another, or by the same after a restart. Keep in step with
-- ../postgres/0018_import_lease.sql.
ALTER TABLE catalog_imports ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
