-- Performance assessment (绩效化管理). Keep in step with ../postgres/0017_assessment.sql.

-- Minimum publishing frequency per catalog column (topic) and kind of unit, with its weight in
-- the unit's score (seed 001).
CREATE TABLE assessment_rules (
    topic       TEXT   NOT NULL,
    unit_kind   TEXT   NOT NULL CHECK (unit_kind IN ('department', 'township', 'enterprise')),
    period      TEXT   NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    minimum     BIGINT NOT NULL CHECK (minimum BETWEEN 1 AND 1000),
    weight      BIGINT NOT NULL CHECK (weight BETWEEN 1 AND 100),
    updated_at  BIGINT NOT NULL,
    updated_by  BIGINT REFERENCES staff(id),
    PRIMARY KEY (topic, unit_kind)
);

-- How the site inspection treats a column; a topic without a row is a notice/policy column.
CREATE TABLE assessment_columns (
    topic       TEXT   PRIMARY KEY,
    class       TEXT   NOT NULL CHECK (class IN ('news', 'notice')),
    updated_at  BIGINT NOT NULL,
    updated_by  BIGINT REFERENCES staff(id)
);

-- The daily self-audit against the inspection's veto rules: one row per day, the day's latest
-- check (the JSON of domain::assessment::AuditResult).
CREATE TABLE self_audits (
    day         TEXT   PRIMARY KEY,
    vetoes      BIGINT NOT NULL,
    findings    BIGINT NOT NULL,
    result      TEXT   NOT NULL,
    checked_at  BIGINT NOT NULL
);

-- The parts of the yearly report the reporting body writes: sections 一, 五 and 六 as plain text,
-- and section 四 (administrative review and litigation), twelve counts separated by commas.
-- unit_id 0 is the county's own report.
CREATE TABLE annual_report_texts (
    year        BIGINT NOT NULL,
    unit_id     BIGINT NOT NULL,
    overview    TEXT   NOT NULL DEFAULT '',
    problems    TEXT   NOT NULL DEFAULT '',
    other       TEXT   NOT NULL DEFAULT '',
    review      TEXT   NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    updated_by  BIGINT REFERENCES staff(id),
    PRIMARY KEY (year, unit_id)
);
