-- Bulk imports of existing catalog entries from CSV. The upload is kept here while a background
-- task works through it, so any app server can show its progress and the report.
-- Keep in step with ../postgres/0007_catalog_imports.sql.
CREATE TABLE catalog_imports (
    id           INTEGER PRIMARY KEY,
    staff_id     BIGINT NOT NULL REFERENCES staff(id),
    file_name    TEXT   NOT NULL,
    csv          TEXT   NOT NULL,
    total        BIGINT NOT NULL DEFAULT 0,
    done         BIGINT NOT NULL DEFAULT 0,
    imported     BIGINT NOT NULL DEFAULT 0,
    report       TEXT   NOT NULL DEFAULT '[]',  -- JSON: the rejected rows and why
    finished     BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);
