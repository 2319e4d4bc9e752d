-- The working-day calendar: only the days that differ from "Monday to Friday on".
-- Keep in step with ../postgres/0002_calendar.sql.
CREATE TABLE calendar_days (
    day         TEXT   PRIMARY KEY,  -- ISO 8601 date
    kind        TEXT   NOT NULL CHECK (kind IN ('holiday', 'workday')),
    note        TEXT   NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    updated_by  BIGINT REFERENCES staff(id)
);
