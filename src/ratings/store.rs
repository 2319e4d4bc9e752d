//! SQL for ratings. Each step checks the state it starts from in its `UPDATE … WHERE state = …`,
//! and the UNIQUE constraints make "once" hold under concurrent posts.

use super::{CaseRating, PublicComment, RectState, RectificationView, StaffRatingRow};
use crate::cases::store::CaseRow;
use crate::domain::rating::{LevelCounts, Rating, RatingLevel};
use crate::server::Db;
use crate::server::db::now;
use crate::server::sql::{Sql, bind_args};
use time::Date;

/// Stores the citizen's rating of a finished case, and for a 差评 the rectification due on
/// `rectify_by`. `false` when the case was already rated (一事一评).
pub async fn rate(db: &Db, case: &CaseRow, r: &Rating, today: Date, rectify_by: Date) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO ratings (case_id, unit_id, matter_id, staff_id, level, final_level, efficiency, attitude, guide, convenience, \
         comment, rated_on, created_at) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(case.id)
    .bind(case.unit_id)
    .bind(case.matter_id)
    .bind(case.assignee_id)
    .bind(r.level.as_str())
    .bind(r.scores[0])
    .bind(r.scores[1])
    .bind(r.scores[2])
    .bind(r.scores[3])
    .bind(&r.comment)
    .bind(today.to_string())
    .bind(now())
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok((id,)) => id,
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() => return Ok(false),
        Err(e) => return Err(e),
    };
    if r.level.is_bad() {
        sqlx::query("INSERT INTO rectifications (rating_id, unit_id, state, due_on, created_at) VALUES ($1, $2, 'open', $3, $4)")
            .bind(id)
            .bind(case.unit_id)
            .bind(rectify_by.to_string())
            .bind(now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct RectRow {
    state: String,
    due_on: String,
    explanation: String,
    remedy: String,
    callback: String,
    answered_on: Option<String>,
    second_level: Option<String>,
}

impl RectRow {
    fn view(self, today: Date) -> RectificationView {
        let state = RectState::parse(&self.state);
        RectificationView {
            overdue: state == RectState::Open && self.due_on < today.to_string(),
            state,
            due_on: self.due_on,
            explanation: self.explanation,
            remedy: self.remedy,
            callback: self.callback,
            answered_on: self.answered_on.unwrap_or_default(),
            second_level: self.second_level.as_deref().and_then(RatingLevel::parse),
        }
    }
}

const RECT_COLUMNS: &str = "x.state, x.due_on, x.explanation, x.remedy, x.callback, x.answered_on, x.second_level";

/// The rating of one case, if it has one.
pub async fn for_case(db: &Db, case_id: i64, today: Date) -> Result<Option<CaseRating>, sqlx::Error> {
    from_row(db, row_for_case(db, case_id).await?, today).await
}

/// The rating of one case as stored.
pub async fn row_for_case(db: &Db, case_id: i64) -> Result<Option<RatingRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, level, comment, rated_on FROM ratings WHERE case_id = $1").bind(case_id).fetch_optional(&db.pool).await
}

/// A case's rating as stored: id, level, comment, date.
pub type RatingRow = (i64, String, String, String);

/// The rating read as a [`RatingRow`] (the lookup reads it with the case), with its
/// rectification when there is one.
pub async fn from_row(db: &Db, row: Option<RatingRow>, today: Date) -> Result<Option<CaseRating>, sqlx::Error> {
    let Some((id, level, comment, rated_on)) = row else { return Ok(None) };
    let rect: Option<RectRow> = sqlx::query_as(&format!("SELECT {RECT_COLUMNS} FROM rectifications x WHERE x.rating_id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(RatingLevel::parse(&level).map(|level| CaseRating { level, comment, rated_on, rectification: rect.map(|r| r.view(today)) }))
}

/// The citizen's second rating once the unit has answered the rectification; it is the level
/// that counts from then on. `false` when there is no answered rectification to rate.
pub async fn rerate(db: &Db, case_id: i64, level: RatingLevel) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE rectifications SET state = 'rerated', second_level = $1 \
         WHERE state = 'answered' AND rating_id = (SELECT id FROM ratings WHERE case_id = $2)",
    )
    .bind(level.as_str())
    .bind(case_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE ratings SET final_level = $1 WHERE case_id = $2").bind(level.as_str()).bind(case_id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(true)
}

/// The unit of a rating (for the role check).
pub async fn unit_of(db: &Db, rating: i64) -> Result<Option<i64>, sqlx::Error> {
    Ok(sqlx::query_as::<_, (i64,)>("SELECT unit_id FROM ratings WHERE id = $1").bind(rating).fetch_optional(&db.pool).await?.map(|r| r.0))
}

/// The unit answers a 差评: explanation, remedy, callback. `false` unless it was open.
pub async fn respond(db: &Db, rating: i64, staff: i64, today: Date, explanation: &str, remedy: &str, callback: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE rectifications SET state = 'answered', explanation = $1, remedy = $2, callback = $3, answered_on = $4, answered_by = $5 \
         WHERE rating_id = $6 AND state = 'open'",
    )
    .bind(explanation)
    .bind(remedy)
    .bind(callback)
    .bind(today.to_string())
    .bind(staff)
    .bind(rating)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The unit appeals a rating; `false` when it already has.
pub async fn appeal(db: &Db, rating: i64, unit: i64, staff: i64, reason: &str) -> Result<bool, sqlx::Error> {
    let res = sqlx::query(
        "INSERT INTO rating_appeals (rating_id, unit_id, reason, state, filed_by, created_at) VALUES ($1, $2, $3, 'pending', $4, $5)",
    )
    .bind(rating)
    .bind(unit)
    .bind(reason)
    .bind(staff)
    .bind(now())
    .execute(&db.pool)
    .await;
    match res {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

/// An evaluator decides a pending appeal; upheld, the rating leaves every public figure but its
/// row, the appeal and the decision stay. `false` unless the appeal was pending.
pub async fn decide(db: &Db, appeal: i64, evaluator: i64, uphold: bool, note: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE rating_appeals SET state = $1, decided_by = $2, decision_note = $3, decided_at = $4 WHERE id = $5 AND state = 'pending'",
    )
    .bind(if uphold { "upheld" } else { "dismissed" })
    .bind(evaluator)
    .bind(note)
    .bind(now())
    .bind(appeal)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if uphold {
        sqlx::query("UPDATE ratings SET removed = 1 WHERE id = (SELECT rating_id FROM rating_appeals WHERE id = $1)")
            .bind(appeal)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    tracking: String,
    unit_name: String,
    subject: String,
    level: String,
    final_level: String,
    comment: String,
    rated_on: String,
    removed: i64,
    rect_state: Option<String>,
    due_on: Option<String>,
    explanation: Option<String>,
    remedy: Option<String>,
    callback: Option<String>,
    answered_on: Option<String>,
    second_level: Option<String>,
    appeal_id: Option<i64>,
    appeal_state: Option<String>,
    appeal_reason: Option<String>,
    decision_note: Option<String>,
}

/// Ratings of the given units (`None`: all), with pending appeals (`appeals_only`) or all:
/// open rectifications first, the soonest due first, then the newest.
pub async fn staff_rows(db: &Db, units: Option<&[i64]>, appeals_only: bool, today: Date) -> Result<Vec<StaffRatingRow>, sqlx::Error> {
    let mut sql = Sql::default();
    let mut conditions = Vec::new();
    if let Some(units) = units {
        conditions.push(format!("r.unit_id IN {}", sql.in_list(units)));
    }
    if appeals_only {
        conditions.push("a.state = 'pending'".to_owned());
    }
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let q = format!(
        "SELECT r.id, c.tracking, u.name AS unit_name, c.subject, r.level, r.final_level, r.comment, r.rated_on, r.removed, \
         x.state AS rect_state, x.due_on, x.explanation, x.remedy, x.callback, x.answered_on, x.second_level, \
         a.id AS appeal_id, a.state AS appeal_state, a.reason AS appeal_reason, a.decision_note \
         FROM ratings r JOIN cases c ON c.id = r.case_id JOIN units u ON u.id = r.unit_id \
         LEFT JOIN rectifications x ON x.rating_id = r.id LEFT JOIN rating_appeals a ON a.rating_id = r.id {filter} \
         ORDER BY CASE WHEN x.state = 'open' THEN 0 ELSE 1 END, x.due_on, r.id DESC LIMIT 200"
    );
    let rows: Vec<StaffRow> = bind_args!(sqlx::query_as(&q), &sql.args).fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let rectification = match (r.rect_state, r.due_on) {
                (Some(state), Some(due_on)) => Some(
                    RectRow {
                        state,
                        due_on,
                        explanation: r.explanation.unwrap_or_default(),
                        remedy: r.remedy.unwrap_or_default(),
                        callback: r.callback.unwrap_or_default(),
                        answered_on: r.answered_on,
                        second_level: r.second_level,
                    }
                    .view(today),
                ),
                _ => None,
            };
            Some(StaffRatingRow {
                id: r.id,
                tracking: crate::domain::TrackingNumber::parse(&r.tracking).map(|t| t.display()).unwrap_or(r.tracking),
                unit_name: r.unit_name,
                subject: r.subject,
                level: RatingLevel::parse(&r.level)?,
                final_level: RatingLevel::parse(&r.final_level)?,
                comment: r.comment,
                rated_on: r.rated_on,
                removed: r.removed != 0,
                rectification,
                appeal: r.appeal_state.map(|s| (s, r.appeal_reason.unwrap_or_default(), r.decision_note.unwrap_or_default())),
                appeal_id: r.appeal_id,
            })
        })
        .collect())
}

/// Open and overdue rectifications of the given units (`None`: all).
pub async fn rectification_counts(db: &Db, units: Option<&[i64]>, today: Date) -> Result<(i64, i64), sqlx::Error> {
    let mut sql = Sql::default();
    let today = sql.text(today.to_string());
    let filter = match units {
        Some(units) => format!("AND unit_id IN {}", sql.in_list(units)),
        None => String::new(),
    };
    let q = format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < {today} THEN 1 ELSE 0 END), 0) FROM rectifications WHERE state = 'open' {filter}"
    );
    bind_args!(sqlx::query_as(&q), &sql.args).fetch_one(&db.pool).await
}

/// Counts per level of the ratings that count (case ratings not removed, window ratings, rated
/// letters: the view `rating_facts`), rated within the period, grouped by unit, matter or
/// officer; `Everything` is one row with id 0 that counts a letter answered by two units once.
async fn grouped(db: &Db, from: &str, to: &str, group: Group) -> Result<Vec<(i64, String, LevelCounts)>, sqlx::Error> {
    let (select, join, only_first, by) = match group {
        Group::Unit => ("f.unit_id, u.name", "JOIN units u ON u.id = f.unit_id", "", "f.unit_id, u.name"),
        Group::Matter => ("f.matter_id, m.name", "JOIN matters m ON m.id = f.matter_id", "", "f.matter_id, m.name"),
        Group::Officer => (
            "f.staff_id, s.display_name || '（' || u.name || '）'",
            "JOIN staff s ON s.id = f.staff_id JOIN units u ON u.id = f.unit_id",
            "",
            "f.staff_id, s.display_name, u.name",
        ),
        Group::Everything => ("0, ''", "", "AND f.first_unit = 1", ""),
    };
    let by = if by.is_empty() { String::new() } else { format!("{by}, ") };
    let q = format!(
        "SELECT {select}, f.level, COUNT(*) FROM rating_facts f {join} \
         WHERE f.rated_on >= $1 AND f.rated_on <= $2 {only_first} GROUP BY {by}f.level"
    );
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(&q).bind(from).bind(to).fetch_all(&db.pool).await?;
    let mut out: Vec<(i64, String, LevelCounts)> = Vec::new();
    for (id, name, level, n) in rows {
        let Some(level) = RatingLevel::parse(&level) else { continue };
        match out.iter_mut().find(|o| o.0 == id) {
            Some(o) => o.2.add(level, n),
            None => {
                let mut c = LevelCounts::default();
                c.add(level, n);
                out.push((id, name, c));
            }
        }
    }
    Ok(out)
}

#[derive(Clone, Copy)]
enum Group {
    Unit,
    Matter,
    Officer,
    Everything,
}

pub async fn totals(db: &Db, from: &str, to: &str) -> Result<LevelCounts, sqlx::Error> {
    Ok(grouped(db, from, to, Group::Everything).await?.into_iter().next().map(|r| r.2).unwrap_or_default())
}

pub async fn by_unit(db: &Db, from: &str, to: &str) -> Result<Vec<(i64, String, LevelCounts)>, sqlx::Error> {
    grouped(db, from, to, Group::Unit).await
}

pub async fn by_matter(db: &Db, from: &str, to: &str) -> Result<Vec<(i64, String, LevelCounts)>, sqlx::Error> {
    grouped(db, from, to, Group::Matter).await
}

/// Per responsible officer ("name（unit）"): the case's assignee, the letter route's replier.
pub async fn by_officer(db: &Db, from: &str, to: &str) -> Result<Vec<(i64, String, LevelCounts)>, sqlx::Error> {
    grouped(db, from, to, Group::Officer).await
}

/// The newest comments of the period that count, with the unit's rectification reply.
pub async fn comments(db: &Db, from: &str, to: &str, limit: i64) -> Result<Vec<PublicComment>, sqlx::Error> {
    let rows: Vec<(String, String, String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT f.level, f.comment, u.name, f.rated_on, x.explanation, x.remedy FROM rating_facts f JOIN units u ON u.id = f.unit_id \
         LEFT JOIN rectifications x ON f.channel = 'case' AND x.rating_id = f.item \
         WHERE f.comment <> '' AND f.rated_on >= $1 AND f.rated_on <= $2 ORDER BY f.rated_on DESC, f.item DESC LIMIT $3",
    )
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(level, comment, unit_name, rated_on, explanation, remedy)| {
            let reply = [explanation.unwrap_or_default(), remedy.unwrap_or_default()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
            // Citizens are asked not to, but a phone or ID number typed into a comment is masked.
            let comment = crate::domain::mask_numbers_in_text(&comment);
            Some(PublicComment { level: RatingLevel::parse(&level)?, comment, unit_name, rated_on, reply })
        })
        .collect())
}

/// Counts per level by month ("YYYY-MM") of the ratings that count, from `from` on.
pub async fn monthly(db: &Db, from: &str) -> Result<Vec<(String, LevelCounts)>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT substr(rated_on, 1, 7) AS month, level, COUNT(*) FROM rating_facts WHERE first_unit = 1 AND rated_on >= $1 \
         GROUP BY substr(rated_on, 1, 7), level",
    )
    .bind(from)
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<(String, LevelCounts)> = Vec::new();
    for (month, level, n) in rows {
        let Some(level) = RatingLevel::parse(&level) else { continue };
        match out.iter_mut().find(|o| o.0 == month) {
            Some(o) => o.1.add(level, n),
            None => {
                let mut c = LevelCounts::default();
                c.add(level, n);
                out.push((month, c));
            }
        }
    }
    Ok(out)
}

/// Open rectifications past due, per unit name.
pub async fn overdue_by_unit(db: &Db, today: Date) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.name, COUNT(*) FROM rectifications x JOIN units u ON u.id = x.unit_id \
         WHERE x.state = 'open' AND x.due_on < $1 GROUP BY u.name",
    )
    .bind(today.to_string())
    .fetch_all(&db.pool)
    .await
}

/// Every rating with its case, visit or letter, unit, matter, officer and rectification, for the
/// evaluators' export, oldest first. A letter is a row per unit that answered it.
pub async fn export_rows(db: &Db, limit: i64) -> Result<Vec<ExportRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT 'case' AS channel, c.tracking AS reference, u.name AS unit_name, m.name AS matter_name, s.display_name AS staff_name, \
         r.level, r.final_level, r.efficiency, r.attitude, r.guide, r.convenience, r.comment, r.rated_on, r.removed, \
         x.state AS rect_state, x.due_on, x.answered_on, r.id AS item \
         FROM ratings r JOIN cases c ON c.id = r.case_id JOIN units u ON u.id = r.unit_id \
         LEFT JOIN matters m ON m.id = r.matter_id LEFT JOIN staff s ON s.id = r.staff_id \
         LEFT JOIN rectifications x ON x.rating_id = r.id \
         UNION ALL \
         SELECT 'window', k.title || ' ' || v.code, u.name, m.name, NULL, w.level, w.level, w.efficiency, w.attitude, w.guide, \
         w.convenience, w.comment, w.rated_on, 0, NULL, NULL, NULL, w.id \
         FROM window_ratings w JOIN rating_visits v ON v.id = w.visit_id JOIN rating_campaigns k ON k.id = w.campaign_id \
         JOIN units u ON u.id = w.unit_id LEFT JOIN matters m ON m.id = w.matter_id \
         UNION ALL \
         SELECT 'letter', l.tracking, u.name, NULL, s.display_name, l.satisfaction, l.satisfaction, NULL, NULL, NULL, NULL, '', \
         l.closed_on, 0, NULL, NULL, NULL, l.id \
         FROM letters l JOIN letter_routes lr ON lr.letter_id = l.id AND lr.status = 'answered' JOIN units u ON u.id = lr.unit_id \
         LEFT JOIN staff s ON s.id = lr.replied_by \
         WHERE l.status = 'closed' AND l.satisfaction IS NOT NULL AND l.closed_on IS NOT NULL \
         ORDER BY rated_on, channel, item LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

#[derive(sqlx::FromRow)]
pub struct ExportRow {
    pub channel: String,
    pub reference: String,
    pub unit_name: String,
    pub matter_name: Option<String>,
    pub staff_name: Option<String>,
    pub level: String,
    pub final_level: String,
    pub efficiency: Option<i64>,
    pub attitude: Option<i64>,
    pub guide: Option<i64>,
    pub convenience: Option<i64>,
    pub comment: String,
    pub rated_on: String,
    pub removed: i64,
    pub rect_state: Option<String>,
    pub due_on: Option<String>,
    pub answered_on: Option<String>,
}
