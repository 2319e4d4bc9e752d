-- The disclosure catalog (政府信息公开目录). An entry is the stable thing a citizen links to; its
-- text lives in revisions that an officer drafts and the unit's reviewer approves. The approved
-- revision's fields are copied onto the entry so lists and search read one row.
-- Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0005_catalog.sql.

CREATE TABLE catalog_entries (
    id               INTEGER PRIMARY KEY,
    unit_id          BIGINT NOT NULL REFERENCES units(id),
    state            TEXT   NOT NULL DEFAULT 'unpublished' CHECK (state IN ('unpublished', 'published', 'withdrawn')),
    index_no         TEXT   UNIQUE,           -- given on first publication, never reused
    title            TEXT   NOT NULL DEFAULT '',
    summary          TEXT   NOT NULL DEFAULT '',
    keywords         TEXT   NOT NULL DEFAULT '',
    doc_no           TEXT   NOT NULL DEFAULT '',
    written_on       TEXT   NOT NULL DEFAULT '',
    published_on     TEXT,                    -- first publication
    updated_on       TEXT,                    -- latest approved revision
    topic            TEXT   NOT NULL DEFAULT '',
    genre            TEXT   NOT NULL DEFAULT '',
    audience         TEXT   NOT NULL DEFAULT '',
    validity         TEXT   NOT NULL DEFAULT 'valid',
    successor_id     BIGINT REFERENCES catalog_entries(id),
    disclosure       TEXT   NOT NULL DEFAULT 'proactive',
    body             TEXT   NOT NULL DEFAULT '',  -- sanitised HTML
    withdrawn_reason TEXT   NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL
);
CREATE INDEX catalog_public ON catalog_entries (state, published_on, id);
CREATE INDEX catalog_by_unit ON catalog_entries (unit_id, state, published_on);
CREATE INDEX catalog_by_topic ON catalog_entries (topic, state, published_on);
CREATE INDEX catalog_by_audience ON catalog_entries (audience, state, published_on);

CREATE TABLE catalog_revisions (
    id           INTEGER PRIMARY KEY,
    entry_id     BIGINT NOT NULL REFERENCES catalog_entries(id),
    number       BIGINT NOT NULL,
    state        TEXT   NOT NULL CHECK (state IN ('draft', 'pending', 'returned', 'approved')),
    title        TEXT   NOT NULL,
    summary      TEXT   NOT NULL,
    keywords     TEXT   NOT NULL,
    doc_no       TEXT   NOT NULL,
    written_on   TEXT   NOT NULL,
    topic        TEXT   NOT NULL,
    genre        TEXT   NOT NULL,
    audience     TEXT   NOT NULL,
    validity     TEXT   NOT NULL,
    successor    TEXT   NOT NULL DEFAULT '',  -- index number of the replacing entry
    disclosure   TEXT   NOT NULL,
    body         TEXT   NOT NULL,
    author_id    BIGINT NOT NULL REFERENCES staff(id),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    reviewer_id  BIGINT REFERENCES staff(id),
    review_note  TEXT   NOT NULL DEFAULT '',
    reviewed_at  BIGINT,
    UNIQUE (entry_id, number)
);
CREATE INDEX catalog_revisions_state ON catalog_revisions (state, entry_id);

-- Who did what, when; visible to the unit.
CREATE TABLE catalog_events (
    id           INTEGER PRIMARY KEY,
    entry_id     BIGINT NOT NULL REFERENCES catalog_entries(id),
    revision     BIGINT,
    actor_id     BIGINT REFERENCES staff(id),
    action       TEXT   NOT NULL,
    note         TEXT   NOT NULL DEFAULT '',
    at           BIGINT NOT NULL
);
CREATE INDEX catalog_events_entry ON catalog_events (entry_id, id);

-- Index-number serials per unit and period (a year, or a month); only ever incremented.
CREATE TABLE catalog_serials (
    unit_id      BIGINT NOT NULL REFERENCES units(id),
    period       TEXT   NOT NULL,
    last_serial  BIGINT NOT NULL,
    PRIMARY KEY (unit_id, period)
);

-- Published entries per browse node ('unit', 'topic', 'audience', 'all'), kept in step on every
-- publication and withdrawal so the browse tree never counts a million rows.
CREATE TABLE catalog_counts (
    dim          TEXT   NOT NULL,
    node         TEXT   NOT NULL,
    n            BIGINT NOT NULL,
    PRIMARY KEY (dim, node)
);

-- Each unit's 公开指南, edited by administrators.
CREATE TABLE unit_guides (
    unit_id      BIGINT NOT NULL PRIMARY KEY REFERENCES units(id),
    body         TEXT   NOT NULL,
    updated_by   BIGINT REFERENCES staff(id),
    updated_at   BIGINT NOT NULL
);
