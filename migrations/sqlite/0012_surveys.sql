-- Online surveys (网上调查 / 问卷测评). Evaluators build a survey of questions; citizens answer it
-- once per browser (a signed token) within a per-address window, or with a single-use
-- invitation code. A whole answer sheet is one JSON row: counting happens in the application,
-- where the same code counts for both databases.
-- Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0012_surveys.sql.

CREATE TABLE surveys (
    id            INTEGER PRIMARY KEY,
    title         TEXT   NOT NULL,
    intro         TEXT   NOT NULL DEFAULT '',
    audience      TEXT   NOT NULL DEFAULT '',
    opens_on      TEXT   NOT NULL,
    closes_on     TEXT   NOT NULL,
    mode          TEXT   NOT NULL,              -- anonymous | once
    results       TEXT   NOT NULL,              -- after_close | immediately
    invite_only   BIGINT NOT NULL DEFAULT 0,
    public_text   BIGINT NOT NULL DEFAULT 0,    -- free text answers shown on the public results
    state         TEXT   NOT NULL DEFAULT 'draft', -- draft | published | closed
    created_by    BIGINT NOT NULL REFERENCES staff(id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE survey_questions (
    id         INTEGER PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES surveys(id),
    position   BIGINT NOT NULL,
    section    TEXT   NOT NULL DEFAULT '',
    kind       TEXT   NOT NULL,
    title      TEXT   NOT NULL,
    required   BIGINT NOT NULL DEFAULT 0,
    spec       TEXT   NOT NULL                 -- JSON: options, other, min, max, points, labels, rows, max_len
);
CREATE INDEX survey_questions_by_survey ON survey_questions (survey_id, position);

CREATE TABLE survey_invites (
    id         INTEGER PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES surveys(id),
    code       TEXT   NOT NULL,
    used_at    BIGINT,
    UNIQUE (survey_id, code)
);

CREATE TABLE survey_responses (
    id          INTEGER PRIMARY KEY,
    survey_id   BIGINT NOT NULL REFERENCES surveys(id),
    -- SHA-256 of the browser token in `once` mode; NULL otherwise (NULLs never collide).
    browser     TEXT,
    invite_id   BIGINT REFERENCES survey_invites(id),
    answers     TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (survey_id, browser),
    UNIQUE (invite_id)
);

-- Secrets the site generates for itself (the survey token key), shared by every app server.
CREATE TABLE site_secrets (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
