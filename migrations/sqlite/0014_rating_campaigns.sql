-- Counter evaluation (窗口评价): an evaluator opens a rating campaign for a service window or a
-- matter; citizens reach it on a phone by its short link /r/{slug} or QR code and rate once per
-- visit code (the code printed on the slip the window hands out). Window ratings, case ratings
-- and the writers' ratings of hotline letters all count in the public figures through the view
-- rating_facts.
-- Dates are ISO 8601 TEXT in Beijing time; instants are Unix seconds.
-- Keep in step with ../postgres/0014_rating_campaigns.sql.

CREATE TABLE rating_campaigns (
    id          INTEGER PRIMARY KEY,
    slug        TEXT   NOT NULL UNIQUE,
    title       TEXT   NOT NULL,
    unit_id     BIGINT NOT NULL REFERENCES units(id),
    matter_id   BIGINT REFERENCES matters(id),
    place       TEXT   NOT NULL DEFAULT '',        -- the window or hall, e.g. 3号窗口
    open        BIGINT NOT NULL DEFAULT 1,
    created_by  BIGINT NOT NULL REFERENCES staff(id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE rating_visits (
    id           INTEGER PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES rating_campaigns(id),
    code         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    UNIQUE (campaign_id, code)
);

-- One rating per visit (the UNIQUE on visit_id).
CREATE TABLE window_ratings (
    id           INTEGER PRIMARY KEY,
    visit_id     BIGINT NOT NULL UNIQUE REFERENCES rating_visits(id),
    campaign_id  BIGINT NOT NULL REFERENCES rating_campaigns(id),
    unit_id      BIGINT NOT NULL REFERENCES units(id),
    matter_id    BIGINT REFERENCES matters(id),
    level        TEXT   NOT NULL,
    efficiency   BIGINT,
    attitude     BIGINT,
    guide        BIGINT,
    convenience  BIGINT,
    comment      TEXT   NOT NULL DEFAULT '',
    rated_on     TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX window_ratings_period ON window_ratings (rated_on, unit_id);
CREATE INDEX window_ratings_campaign ON window_ratings (campaign_id, rated_on);

-- Every rating that counts, one row per rating and unit: case ratings not removed on appeal,
-- window ratings, and closed letters with the writer's satisfaction (满意/基本满意/不满意 share
-- the five levels' codes), once for each unit that answered. `first_unit` is 1 on one row per
-- rating, so totals count a letter answered by two units once.
CREATE VIEW rating_facts AS
    SELECT 'case' AS channel, r.id AS item, r.unit_id, r.matter_id, r.staff_id, r.final_level AS level,
           r.rated_on, r.comment, 1 AS first_unit
      FROM ratings r WHERE r.removed = 0
    UNION ALL
    SELECT 'window', w.id, w.unit_id, w.matter_id, NULL, w.level, w.rated_on, w.comment, 1
      FROM window_ratings w
    UNION ALL
    SELECT 'letter', l.id, lr.unit_id, NULL, lr.replied_by, l.satisfaction, l.closed_on, '',
           CASE WHEN EXISTS (SELECT 1 FROM letter_routes o WHERE o.letter_id = l.id AND o.status = 'answered' AND o.id < lr.id)
                THEN 0 ELSE 1 END
      FROM letters l JOIN letter_routes lr ON lr.letter_id = l.id AND lr.status = 'answered'
     WHERE l.status = 'closed' AND l.satisfaction IS NOT NULL AND l.closed_on IS NOT NULL;
