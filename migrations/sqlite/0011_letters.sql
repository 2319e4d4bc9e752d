-- Letters to the mayor's hotline 12345 and the leaders' mailboxes (市长热线 / 领导信箱).
-- A letter is triaged by the hotline desk, routed (交办) to one or more units, answered by each,
-- and rated by its writer. Contact details live only in `letters` and never leave the staff side.
-- Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0011_letters.sql.

CREATE TABLE letters (
    id              INTEGER PRIMARY KEY,
    tracking        TEXT   NOT NULL UNIQUE,
    code_hash       TEXT   NOT NULL,
    submit_key      TEXT   NOT NULL UNIQUE,
    letter_type     TEXT   NOT NULL,
    urgent          BIGINT NOT NULL DEFAULT 0,
    addressee_id    BIGINT REFERENCES units(id),   -- NULL: the mayor's mailbox
    subject         TEXT   NOT NULL,
    content         TEXT   NOT NULL,
    location        TEXT   NOT NULL DEFAULT '',
    writer_name     TEXT   NOT NULL,
    phone           TEXT   NOT NULL,
    email           TEXT   NOT NULL DEFAULT '',
    public_ok       BIGINT NOT NULL,
    -- What the public sees of the letter: the desk may redact it (defaults to the letter with
    -- phone and ID numbers masked).
    public_subject  TEXT   NOT NULL,
    public_content  TEXT   NOT NULL,
    status          TEXT   NOT NULL,
    merged_into     BIGINT REFERENCES letters(id),
    reopened        BIGINT NOT NULL DEFAULT 0,
    satisfaction    TEXT,
    filed_on        TEXT   NOT NULL,
    due_on          TEXT   NOT NULL,
    answered_on     TEXT,                          -- the first complete answer
    closed_on       TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX letters_status ON letters (status, filed_on);
CREATE INDEX letters_filed ON letters (filed_on);
CREATE INDEX letters_public ON letters (public_ok, status, answered_on);

-- One unit's part of a letter. `reminded`/`escalated` are set once each by the supervision sweep
-- (催办 when the route turns yellow, 督办 once it is overdue) so that several app servers
-- record each only once.
CREATE TABLE letter_routes (
    id              INTEGER PRIMARY KEY,
    letter_id       BIGINT NOT NULL REFERENCES letters(id),
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    status          TEXT   NOT NULL,                -- open, answered, returned
    routed_on       TEXT   NOT NULL,
    due_on          TEXT   NOT NULL,
    reply           TEXT   NOT NULL DEFAULT '',
    replied_on      TEXT,
    replied_by      BIGINT REFERENCES staff(id),
    extension_days  BIGINT NOT NULL DEFAULT 0,      -- asked for and not yet decided
    reminded        BIGINT NOT NULL DEFAULT 0,
    escalated       BIGINT NOT NULL DEFAULT 0,
    UNIQUE (letter_id, unit_id)
);
CREATE INDEX letter_routes_unit ON letter_routes (unit_id, status, due_on);

CREATE TABLE letter_events (
    id          INTEGER PRIMARY KEY,
    letter_id   BIGINT NOT NULL REFERENCES letters(id),
    kind        TEXT   NOT NULL,
    unit_id     BIGINT REFERENCES units(id),
    on_date     TEXT   NOT NULL,
    note        TEXT   NOT NULL DEFAULT '',
    public      BIGINT NOT NULL DEFAULT 1,
    staff_id    BIGINT REFERENCES staff(id),
    at          BIGINT NOT NULL
);
CREATE INDEX letter_events_letter ON letter_events (letter_id, id);
