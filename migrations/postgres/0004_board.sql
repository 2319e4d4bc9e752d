-- Figures carried over from the system a county used before the portal (办件 filed and
-- completed per unit), added to the live counts on the public board.
-- Keep in step with ../sqlite/0004_board.sql.
CREATE TABLE case_stats_baseline (
    unit_id  BIGINT PRIMARY KEY REFERENCES units(id),
    filed    BIGINT NOT NULL CHECK (filed >= 0),
    done     BIGINT NOT NULL CHECK (done >= 0 AND done <= filed)
);
CREATE INDEX cases_closed ON cases (unit_id, closed_on);
