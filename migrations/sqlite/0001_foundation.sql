-- Foundation: units, staff, roles, sessions, throttling, audit log, site settings.
-- Instants are Unix seconds (BIGINT); dates will be ISO 8601 TEXT. Keep in step with
-- ../postgres/0001_foundation.sql.

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    parent_id   BIGINT REFERENCES units(id),
    kind        TEXT   NOT NULL CHECK (kind IN ('department', 'township', 'enterprise')),
    name        TEXT   NOT NULL UNIQUE,
    short_name  TEXT   NOT NULL,
    code        TEXT   NOT NULL UNIQUE,
    sort_order  BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL
);
CREATE INDEX units_kind_sort ON units (kind, sort_order);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE staff (
    id             INTEGER PRIMARY KEY,
    username       TEXT   NOT NULL UNIQUE,
    display_name   TEXT   NOT NULL,
    password_hash  TEXT   NOT NULL,
    disabled       BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);

-- unit_id NULL means the role is held for the whole site.
CREATE TABLE staff_roles (
    staff_id  BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    role      TEXT   NOT NULL CHECK (role IN ('officer', 'reviewer', 'admin', 'evaluator')),
    unit_id   BIGINT REFERENCES units(id)
);
CREATE UNIQUE INDEX staff_roles_unique ON staff_roles (staff_id, role, COALESCE(unit_id, 0));

-- Server-side sessions; the id column holds a SHA-256 of the cookie's session id.
CREATE TABLE sessions (
    id          TEXT   PRIMARY KEY,
    data        TEXT   NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Fixed-window counters for rate limits shared by every app server.
CREATE TABLE throttle (
    key           TEXT   PRIMARY KEY,
    hits          BIGINT NOT NULL,
    window_start  BIGINT NOT NULL
);

-- Append-only record of staff actions.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        BIGINT NOT NULL,
    staff_id  BIGINT REFERENCES staff(id),
    action    TEXT   NOT NULL,
    detail    TEXT   NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE site_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
