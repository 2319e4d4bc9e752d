-- Public ratings (好差评). One rating per finished case (一事一评, the UNIQUE on case_id), counted
-- for the unit, the matter and the responsible officer as they were when the case finished.
-- A 差评 opens a rectification; a unit may appeal a rating, and an upheld appeal removes it from
-- the public figures while the row stays as the audit trail.
-- Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0010_ratings.sql.

CREATE TABLE ratings (
    id              INTEGER PRIMARY KEY,
    case_id         BIGINT NOT NULL UNIQUE REFERENCES cases(id),
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    matter_id       BIGINT REFERENCES matters(id),
    staff_id        BIGINT REFERENCES staff(id),
    level           TEXT   NOT NULL,          -- as first given
    final_level     TEXT   NOT NULL,          -- what counts: the second rating after a rectification
    efficiency      BIGINT,
    attitude        BIGINT,
    guide           BIGINT,
    convenience     BIGINT,
    comment         TEXT   NOT NULL DEFAULT '',
    rated_on        TEXT   NOT NULL,
    removed         BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE INDEX ratings_period ON ratings (rated_on, unit_id);
CREATE INDEX ratings_unit ON ratings (unit_id, rated_on);

-- The unit's answer to a 差评: explanation, remedy and the callback to the citizen, due within a
-- number of working days; then the citizen's second rating.
CREATE TABLE rectifications (
    id              INTEGER PRIMARY KEY,
    rating_id       BIGINT NOT NULL UNIQUE REFERENCES ratings(id),
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    state           TEXT   NOT NULL CHECK (state IN ('open', 'answered', 'rerated')),
    due_on          TEXT   NOT NULL,
    explanation     TEXT   NOT NULL DEFAULT '',
    remedy          TEXT   NOT NULL DEFAULT '',
    callback        TEXT   NOT NULL DEFAULT '',
    answered_on     TEXT,
    answered_by     BIGINT REFERENCES staff(id),
    second_level    TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX rectifications_unit ON rectifications (unit_id, state, due_on);

-- A unit's appeal against a rating it holds mistaken or malicious, decided by an evaluator.
CREATE TABLE rating_appeals (
    id              INTEGER PRIMARY KEY,
    rating_id       BIGINT NOT NULL UNIQUE REFERENCES ratings(id),
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    reason          TEXT   NOT NULL,
    state           TEXT   NOT NULL CHECK (state IN ('pending', 'upheld', 'dismissed')),
    filed_by        BIGINT NOT NULL REFERENCES staff(id),
    decided_by      BIGINT REFERENCES staff(id),
    decision_note   TEXT   NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    decided_at      BIGINT
);
CREATE INDEX rating_appeals_state ON rating_appeals (state, id);
