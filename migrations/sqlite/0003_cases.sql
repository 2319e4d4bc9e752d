-- Service matters, and the cases citizens file: information requests (依申请公开) and service
-- filings (办事). Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0003_cases.sql.

-- The catalogue of service matters (事项) per unit.
CREATE TABLE matters (
    id          INTEGER PRIMARY KEY,
    unit_id     BIGINT NOT NULL REFERENCES units(id),
    code        TEXT   NOT NULL UNIQUE,
    name        TEXT   NOT NULL,
    kind        TEXT   NOT NULL CHECK (kind IN ('license', 'levy', 'benefit', 'confirmation', 'ruling', 'other', 'convenience')),
    limit_days  BIGINT NOT NULL CHECK (limit_days > 0),
    materials   TEXT   NOT NULL,  -- one required material per line
    fees        TEXT   NOT NULL,  -- empty: free of charge
    online      BIGINT NOT NULL DEFAULT 0,
    sort_order  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX matters_unit ON matters (unit_id, sort_order);

-- One row per filed case. Personal data lives only here and is masked for anyone outside the
-- receiving unit. `code_hash` is a SHA-256 of the query code; the code itself is never stored.
-- `submit_key` comes from the form and makes a repeated submission return the first case.
CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    kind            TEXT   NOT NULL CHECK (kind IN ('info', 'service')),
    tracking        TEXT   NOT NULL UNIQUE,
    code_hash       TEXT   NOT NULL,
    submit_key      TEXT   NOT NULL UNIQUE,
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    matter_id       BIGINT REFERENCES matters(id),
    status          TEXT   NOT NULL,
    applicant_type  TEXT   NOT NULL,
    applicant_name  TEXT   NOT NULL,
    org_name        TEXT   NOT NULL DEFAULT '',
    id_type         TEXT   NOT NULL,
    id_number       TEXT   NOT NULL,
    phone           TEXT   NOT NULL,
    email           TEXT   NOT NULL DEFAULT '',
    address         TEXT   NOT NULL DEFAULT '',
    subject         TEXT   NOT NULL,
    description     TEXT   NOT NULL DEFAULT '',
    purpose         TEXT   NOT NULL DEFAULT '',
    delivery        TEXT   NOT NULL,
    assignee_id     BIGINT REFERENCES staff(id),
    filed_on        TEXT   NOT NULL,
    due_on          TEXT,             -- cached from the deadline engine after every event
    closed_on       TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX cases_unit_status ON cases (unit_id, status, due_on);
CREATE INDEX cases_created ON cases (created_at);

-- Everything that happened to a case, in order. `public` events appear in the citizen's timeline.
CREATE TABLE case_events (
    id        INTEGER PRIMARY KEY,
    case_id   BIGINT NOT NULL REFERENCES cases(id),
    kind      TEXT   NOT NULL,
    on_date   TEXT   NOT NULL,
    days      BIGINT,
    code      TEXT   NOT NULL DEFAULT '',  -- answer type, reason code, assignee …
    note      TEXT   NOT NULL DEFAULT '',
    public    BIGINT NOT NULL DEFAULT 1,
    staff_id  BIGINT REFERENCES staff(id),
    at        BIGINT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Attachments of citizens and officers, kept in the database so that every app server sees them.
CREATE TABLE case_files (
    id          INTEGER PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    from_staff  BIGINT NOT NULL DEFAULT 0,
    name        TEXT   NOT NULL,
    mime        TEXT   NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT   NOT NULL,
    data        BLOB   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX case_files_case ON case_files (case_id);

-- A refused form posted without JavaScript, kept for a day so the page can show it again with
-- every typed value and the errors next to their fields.
CREATE TABLE form_drafts (
    token       TEXT   PRIMARY KEY,
    form        TEXT   NOT NULL,
    data        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX form_drafts_created ON form_drafts (created_at);
