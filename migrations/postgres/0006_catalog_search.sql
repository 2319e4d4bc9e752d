-- Chinese search over published entries. The application tokenises text itself (pairs of
-- characters plus each run's last character, traditional folded to simplified; see
-- domain::catalog::index_tokens) and writes a tsvector literal with title tokens weighted A, so
-- one scheme serves both backends: FTS5 on SQLite, this GIN index here.
-- This file differs from ../sqlite/0006_catalog_search.sql on purpose.
ALTER TABLE catalog_entries ADD COLUMN search tsvector;
CREATE INDEX catalog_search ON catalog_entries USING GIN (search);
