-- Files a citizen attaches while filling in a filing form, before the case exists. They are kept
-- under the form's token (its idempotency key) for a day and moved to case_files in the same
-- transaction that files the case.
-- Keep in step with ../postgres/0009_staged_files.sql.

CREATE TABLE staged_files (
    id          INTEGER PRIMARY KEY,
    token       TEXT   NOT NULL,
    name        TEXT   NOT NULL,
    mime        TEXT   NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT   NOT NULL,
    data        BLOB   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX staged_files_token ON staged_files (token, id);
CREATE INDEX staged_files_age ON staged_files (created_at);
