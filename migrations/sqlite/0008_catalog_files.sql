-- Attachments of catalog entries. Each revision lists its own files, so a new revision carries
-- the published files forward (rows, not bytes) and the public only ever sees the files of the
-- approved text. The bytes are stored once per content in catalog_blobs, in the database so
-- that every app server can serve them.
-- Keep in step with ../postgres/0008_catalog_files.sql.

CREATE TABLE catalog_blobs (
    sha256       TEXT   PRIMARY KEY,
    size         BIGINT NOT NULL,
    data         BLOB   NOT NULL
);

CREATE TABLE catalog_files (
    id           INTEGER PRIMARY KEY,
    revision_id  BIGINT NOT NULL REFERENCES catalog_revisions(id),
    name         TEXT   NOT NULL,
    mime         TEXT   NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT   NOT NULL REFERENCES catalog_blobs(sha256),
    created_at   BIGINT NOT NULL
);
CREATE INDEX catalog_files_revision ON catalog_files (revision_id, id);
