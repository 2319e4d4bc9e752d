-- Chinese search over published entries. The application tokenises text itself (pairs of
-- characters plus each run's last character, traditional folded to simplified; see
-- domain::catalog::index_tokens) and stores the tokens separated by spaces, so one scheme serves
-- both backends: FTS5 here, a tsvector with a GIN index on PostgreSQL.
-- This file differs from ../postgres/0006_catalog_search.sql on purpose.
CREATE VIRTUAL TABLE catalog_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
