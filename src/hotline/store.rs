//! SQL for letters. Every step names the state it starts from in its `UPDATE … WHERE status = …`,
//! so two staff members acting at once cannot both move a letter, and every step appends to
//! `letter_events` in the same transaction.

use super::{LetterEvent, PublicLetter, RouteStatus};
use crate::cases::store::{Filed, code_matches, hash_code, parse_date, random_code, random_tracking};
use crate::domain::letter::{Letter, LetterStatus, LetterStep, LetterType, Month, Satisfaction, StatRow};
use crate::domain::{TrackingNumber, mask_numbers_in_text};
use crate::server::Db;
use crate::server::db::now;
use crate::server::sql::{Arg, Sql, bind_args};
use sqlx::{Any, Transaction};
use time::Date;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LetterDb {
    pub id: i64,
    pub tracking: String,
    pub code_hash: String,
    pub letter_type: String,
    pub urgent: i64,
    pub addressee_id: Option<i64>,
    pub addressee_name: Option<String>,
    pub subject: String,
    pub content: String,
    pub location: String,
    pub writer_name: String,
    pub phone: String,
    pub email: String,
    pub public_ok: i64,
    pub public_subject: String,
    pub public_content: String,
    pub status: String,
    pub merged_into: Option<String>,
    pub reopened: i64,
    pub satisfaction: Option<String>,
    pub filed_on: String,
    pub due_on: String,
    pub answered_on: Option<String>,
}

impl LetterDb {
    pub fn status(&self) -> LetterStatus {
        LetterStatus::parse(&self.status).unwrap_or(LetterStatus::Received)
    }
    pub fn letter_type(&self) -> LetterType {
        LetterType::parse(&self.letter_type).unwrap_or(LetterType::Consult)
    }
}

const LETTER_SELECT: &str = "SELECT l.id, l.tracking, l.code_hash, l.letter_type, l.urgent, l.addressee_id, a.name AS addressee_name, \
    l.subject, l.content, l.location, l.writer_name, l.phone, l.email, l.public_ok, l.public_subject, l.public_content, l.status, \
    m.tracking AS merged_into, l.reopened, l.satisfaction, l.filed_on, l.due_on, l.answered_on \
    FROM letters l LEFT JOIN units a ON a.id = l.addressee_id LEFT JOIN letters m ON m.id = l.merged_into";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RouteDb {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub status: String,
    pub routed_on: String,
    pub due_on: String,
    pub reply: String,
    pub replied_on: Option<String>,
    pub extension_days: i64,
}

impl RouteDb {
    pub fn status(&self) -> RouteStatus {
        RouteStatus::parse(&self.status)
    }
}

/// Stores a new letter once: a second call with the same `submit_key` returns the first.
pub async fn insert(db: &Db, l: &Letter, submit_key: &str, filed_on: Date, due_on: Date) -> Result<Filed, sqlx::Error> {
    if let Some(f) = find_by_submit_key(db, submit_key).await? {
        return Ok(f);
    }
    let code = random_code();
    for _ in 0..5 {
        let tracking = random_tracking();
        // Letters and cases share the lookup, so their numbers must not collide either.
        let taken: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM cases WHERE tracking = $1").bind(tracking.as_str()).fetch_optional(&db.pool).await?;
        if taken.is_some() {
            continue;
        }
        let mut tx = db.begin().await?;
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO letters (tracking, code_hash, submit_key, letter_type, addressee_id, subject, content, location, writer_name, \
             phone, email, public_ok, public_subject, public_content, status, filed_on, due_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'received', $15, $16, $17, $17) RETURNING id",
        )
        .bind(tracking.as_str())
        .bind(hash_code(&code))
        .bind(submit_key)
        .bind(l.letter_type.as_str())
        .bind(l.addressee)
        .bind(&l.subject)
        .bind(&l.content)
        .bind(&l.location)
        .bind(&l.name)
        .bind(l.phone.as_str())
        .bind(&l.email)
        .bind(i64::from(l.public_ok))
        .bind(mask_numbers_in_text(&l.subject))
        .bind(mask_numbers_in_text(&l.content))
        .bind(filed_on.to_string())
        .bind(due_on.to_string())
        .bind(now())
        .fetch_one(&mut *tx)
        .await;
        match inserted {
            Ok((id,)) => {
                log(&mut tx, id, LetterStep::Received, None, filed_on, "", true, None).await?;
                // Files attached while writing (kept under the form's token, the submit key).
                sqlx::query(
                    "INSERT INTO letter_files (letter_id, name, mime, size, sha256, data, created_at) \
                     SELECT $1, name, mime, size, sha256, data, $2 FROM staged_files WHERE token = $3 ORDER BY id",
                )
                .bind(id)
                .bind(now())
                .bind(submit_key)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM staged_files WHERE token = $1").bind(submit_key).execute(&mut *tx).await?;
                tx.commit().await?;
                return Ok(Filed { id, tracking, code: Some(code) });
            }
            Err(e) => {
                drop(tx);
                if let Some(f) = find_by_submit_key(db, submit_key).await? {
                    return Ok(f);
                }
                if !matches!(&e, sqlx::Error::Database(d) if d.is_unique_violation()) {
                    return Err(e);
                }
            }
        }
    }
    Err(sqlx::Error::Protocol("could not draw a free tracking number".into()))
}

async fn find_by_submit_key(db: &Db, key: &str) -> Result<Option<Filed>, sqlx::Error> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, tracking FROM letters WHERE submit_key = $1").bind(key).fetch_optional(&db.pool).await?;
    Ok(row.and_then(|(id, t)| Some(Filed { id, tracking: TrackingNumber::parse(&t).ok()?, code: None })))
}

#[allow(clippy::too_many_arguments)]
async fn log(
    tx: &mut Transaction<'_, Any>,
    letter_id: i64,
    step: LetterStep,
    unit_id: Option<i64>,
    on: Date,
    note: &str,
    public: bool,
    staff_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO letter_events (letter_id, kind, unit_id, on_date, note, public, staff_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(letter_id)
    .bind(step.as_str())
    .bind(unit_id)
    .bind(on.to_string())
    .bind(note)
    .bind(i64::from(public))
    .bind(staff_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE letters SET updated_at = $1 WHERE id = $2").bind(now()).bind(letter_id).execute(&mut **tx).await?;
    Ok(())
}

pub async fn by_tracking(db: &Db, t: &TrackingNumber) -> Result<Option<LetterDb>, sqlx::Error> {
    sqlx::query_as(&format!("{LETTER_SELECT} WHERE l.tracking = $1")).bind(t.as_str()).fetch_optional(&db.pool).await
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<LetterDb>, sqlx::Error> {
    sqlx::query_as(&format!("{LETTER_SELECT} WHERE l.id = $1")).bind(id).fetch_optional(&db.pool).await
}

/// The letter whose tracking number and query code match, or `None`; the code is compared in
/// constant time whether or not the letter exists.
pub fn check_code(row: Option<LetterDb>, code: &crate::domain::QueryCode) -> Option<LetterDb> {
    let dummy = "0".repeat(64);
    let ok = code_matches(code, row.as_ref().map(|r| r.code_hash.as_str()).unwrap_or(&dummy));
    row.filter(|_| ok)
}

pub async fn routes(db: &Db, letter_id: i64) -> Result<Vec<RouteDb>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.unit_id, u.name AS unit_name, r.status, r.routed_on, r.due_on, r.reply, r.replied_on, r.extension_days \
         FROM letter_routes r JOIN units u ON u.id = r.unit_id WHERE r.letter_id = $1 ORDER BY r.id",
    )
    .bind(letter_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn events(db: &Db, letter_id: i64, public_only: bool) -> Result<Vec<LetterEvent>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, String, Option<String>)> = sqlx::query_as(
        "SELECT e.kind, e.on_date, u.name, e.note, s.display_name FROM letter_events e LEFT JOIN units u ON u.id = e.unit_id \
         LEFT JOIN staff s ON s.id = e.staff_id WHERE e.letter_id = $1 AND (e.public = 1 OR $2 = 0) ORDER BY e.id",
    )
    .bind(letter_id)
    .bind(i64::from(public_only))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, on_date, unit, note, by)| {
            Some(LetterEvent { step: LetterStep::parse(&kind)?, on_date, unit, note, by: by.filter(|_| !public_only) })
        })
        .collect())
}

/// Why a step was not taken.
#[derive(Debug)]
pub enum StepError {
    /// Not open at the letter's (or route's) current state, or someone else acted first.
    NotOpen,
    /// The letter is already routed to that unit.
    AlreadyRouted,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for StepError {
    fn from(e: sqlx::Error) -> Self {
        StepError::Db(e)
    }
}

fn changed(r: sqlx::any::AnyQueryResult) -> Result<(), StepError> {
    if r.rows_affected() == 1 { Ok(()) } else { Err(StepError::NotOpen) }
}

/// Brings the letter's status in line with its routes: with a route open it is with the units;
/// with all routes answered it is answered (the first complete answer dates `answered_on`); with
/// every route sent back it is with the desk again.
async fn settle(tx: &mut Transaction<'_, Any>, letter_id: i64, today: Date) -> Result<(), sqlx::Error> {
    let (open, answered): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN status = 'answered' THEN 1 ELSE 0 END), 0) FROM letter_routes WHERE letter_id = $1",
    )
    .bind(letter_id)
    .fetch_one(&mut **tx)
    .await?;
    let status = if open > 0 {
        LetterStatus::Routed
    } else if answered > 0 {
        LetterStatus::Answered
    } else {
        LetterStatus::Received
    };
    let due: Option<(Option<String>,)> =
        sqlx::query_as("SELECT MAX(due_on) FROM letter_routes WHERE letter_id = $1 AND status = 'open'").bind(letter_id).fetch_optional(&mut **tx).await?;
    let due = due.and_then(|d| d.0);
    sqlx::query(
        "UPDATE letters SET status = $1, due_on = COALESCE($2, due_on), \
         answered_on = CASE WHEN $1 = 'answered' THEN COALESCE(answered_on, $3) ELSE answered_on END, updated_at = $4 \
         WHERE id = $5 AND status IN ('received', 'routed', 'answered')",
    )
    .bind(status.as_str())
    .bind(due)
    .bind(today.to_string())
    .bind(now())
    .bind(letter_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// 交办: routes the letter to a unit (again, if the unit sent it back), due on `due`.
#[allow(clippy::too_many_arguments)]
pub async fn route(db: &Db, l: &LetterDb, unit_id: i64, urgent: bool, today: Date, due: Date, note: &str, staff: i64) -> Result<(), StepError> {
    if !matches!(l.status(), LetterStatus::Received | LetterStatus::Routed) {
        return Err(StepError::NotOpen);
    }
    let mut tx = db.begin().await?;
    let reopened = sqlx::query(
        "UPDATE letter_routes SET status = 'open', routed_on = $1, due_on = $2, reminded = 0, escalated = 0, extension_days = 0 \
         WHERE letter_id = $3 AND unit_id = $4 AND status = 'returned'",
    )
    .bind(today.to_string())
    .bind(due.to_string())
    .bind(l.id)
    .bind(unit_id)
    .execute(&mut *tx)
    .await?;
    if reopened.rows_affected() == 0 {
        let inserted = sqlx::query("INSERT INTO letter_routes (letter_id, unit_id, status, routed_on, due_on) VALUES ($1, $2, 'open', $3, $4)")
            .bind(l.id)
            .bind(unit_id)
            .bind(today.to_string())
            .bind(due.to_string())
            .execute(&mut *tx)
            .await;
        match inserted {
            Ok(_) => {}
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() => return Err(StepError::AlreadyRouted),
            Err(e) => return Err(e.into()),
        }
    }
    changed(
        sqlx::query("UPDATE letters SET status = 'routed', urgent = CASE WHEN $3 = 1 THEN 1 ELSE urgent END WHERE id = $1 AND status = $2")
            .bind(l.id)
            .bind(&l.status)
            .bind(i64::from(urgent))
            .execute(&mut *tx)
            .await?,
    )?;
    log(&mut tx, l.id, LetterStep::Routed, Some(unit_id), today, note, true, Some(staff)).await?;
    settle(&mut tx, l.id, today).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a letter the desk will not handle: rejected as invalid, or merged into an earlier one.
pub async fn close_at_desk(
    db: &Db,
    l: &LetterDb,
    step: LetterStep,
    merged_into: Option<i64>,
    today: Date,
    note: &str,
    staff: i64,
) -> Result<(), StepError> {
    let status = if step == LetterStep::Merged { LetterStatus::Merged } else { LetterStatus::Rejected };
    let mut tx = db.begin().await?;
    changed(
        sqlx::query("UPDATE letters SET status = $1, merged_into = $2, closed_on = $3 WHERE id = $4 AND status = 'received'")
            .bind(status.as_str())
            .bind(merged_into)
            .bind(today.to_string())
            .bind(l.id)
            .execute(&mut *tx)
            .await?,
    )?;
    log(&mut tx, l.id, step, None, today, note, true, Some(staff)).await?;
    tx.commit().await?;
    Ok(())
}

/// A unit's step on its own open route: answer, send back, or ask for more time.
pub async fn unit_step(
    db: &Db,
    l: &LetterDb,
    route: &RouteDb,
    step: LetterStep,
    text: &str,
    days: i64,
    today: Date,
    staff: i64,
) -> Result<(), StepError> {
    let mut tx = db.begin().await?;
    let q = match step {
        LetterStep::Answered => sqlx::query(
            "UPDATE letter_routes SET status = 'answered', reply = $1, replied_on = $2, replied_by = $3, extension_days = 0 \
             WHERE id = $4 AND status = 'open'",
        )
        .bind(text)
        .bind(today.to_string())
        .bind(staff)
        .bind(route.id),
        LetterStep::Returned => sqlx::query("UPDATE letter_routes SET status = 'returned', extension_days = 0 WHERE id = $1 AND status = 'open'")
            .bind(route.id),
        LetterStep::ExtensionAsked => {
            sqlx::query("UPDATE letter_routes SET extension_days = $1 WHERE id = $2 AND status = 'open' AND extension_days = 0")
                .bind(days)
                .bind(route.id)
        }
        _ => return Err(StepError::NotOpen),
    };
    changed(q.execute(&mut *tx).await?)?;
    // The reply is public on the lookup page (and the public list); the rest is staff business.
    let public = step == LetterStep::Answered;
    log(&mut tx, l.id, step, Some(route.unit_id), today, text, public, Some(staff)).await?;
    settle(&mut tx, l.id, today).await?;
    tx.commit().await?;
    Ok(())
}

/// The desk grants a unit more time: the route is due `new_due` and may be reminded again.
pub async fn extend(db: &Db, l: &LetterDb, route: &RouteDb, new_due: Date, days: i64, today: Date, staff: i64) -> Result<(), StepError> {
    let mut tx = db.begin().await?;
    changed(
        sqlx::query(
            "UPDATE letter_routes SET due_on = $1, extension_days = 0, reminded = 0, escalated = 0 WHERE id = $2 AND status = 'open'",
        )
        .bind(new_due.to_string())
        .bind(route.id)
        .execute(&mut *tx)
        .await?,
    )?;
    let note = format!("{days}");
    log(&mut tx, l.id, LetterStep::Extended, Some(route.unit_id), today, &note, true, Some(staff)).await?;
    sqlx::query("UPDATE letters SET due_on = (SELECT MAX(due_on) FROM letter_routes WHERE letter_id = $1 AND status = 'open') WHERE id = $1")
        .bind(l.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// 催办 or 督办 by the desk (or by the supervision sweep, `staff` None), once per route and step
/// until the route's due date moves.
pub async fn supervise(db: &Db, letter_id: i64, route_id: i64, unit_id: i64, step: LetterStep, today: Date, note: &str, staff: Option<i64>) -> Result<bool, sqlx::Error> {
    let flag = if step == LetterStep::Escalated { "escalated" } else { "reminded" };
    let mut tx = db.begin().await?;
    let r = sqlx::query(&format!("UPDATE letter_routes SET {flag} = 1 WHERE id = $1 AND status = 'open' AND {flag} = 0"))
        .bind(route_id)
        .execute(&mut *tx)
        .await?;
    if r.rows_affected() != 1 {
        return Ok(false);
    }
    log(&mut tx, letter_id, step, Some(unit_id), today, note, false, staff).await?;
    tx.commit().await?;
    Ok(true)
}

/// The supervision sweep: reminds every open route due by `remind_by` and escalates every route
/// overdue on `today`. Idempotent and safe to run from several servers at once.
pub async fn sweep(db: &Db, today: Date, remind_by: Date) -> Result<(), sqlx::Error> {
    let due: Vec<(i64, i64, i64, String, i64, i64)> = sqlx::query_as(
        "SELECT id, letter_id, unit_id, due_on, reminded, escalated FROM letter_routes \
         WHERE status = 'open' AND ((reminded = 0 AND due_on <= $1) OR (escalated = 0 AND due_on < $2))",
    )
    .bind(remind_by.to_string())
    .bind(today.to_string())
    .fetch_all(&db.pool)
    .await?;
    for (id, letter, unit, due_on, reminded, escalated) in due {
        if reminded == 0 {
            supervise(db, letter, id, unit, LetterStep::Reminded, today, "", None).await?;
        }
        if escalated == 0 && due_on < today.to_string() {
            supervise(db, letter, id, unit, LetterStep::Escalated, today, "", None).await?;
        }
    }
    Ok(())
}

/// The desk's redaction of what the public sees.
pub async fn redact(db: &Db, l: &LetterDb, subject: &str, content: &str, today: Date, staff: i64) -> Result<(), StepError> {
    let mut tx = db.begin().await?;
    changed(
        sqlx::query("UPDATE letters SET public_subject = $1, public_content = $2 WHERE id = $3")
            .bind(subject)
            .bind(content)
            .bind(l.id)
            .execute(&mut *tx)
            .await?,
    )?;
    log(&mut tx, l.id, LetterStep::Redacted, None, today, "", false, Some(staff)).await?;
    tx.commit().await?;
    Ok(())
}

/// The writer's rating of the answer. Unsatisfied (while a reopening is left) sends the letter
/// back to the units that answered, due again on `new_due`; otherwise the letter closes.
pub async fn rate(db: &Db, l: &LetterDb, s: Satisfaction, reason: &str, reopen: bool, today: Date, new_due: Date) -> Result<(), StepError> {
    let mut tx = db.begin().await?;
    if reopen {
        changed(
            sqlx::query("UPDATE letters SET status = 'routed', reopened = reopened + 1, satisfaction = $1, due_on = $2 WHERE id = $3 AND status = 'answered'")
                .bind(s.as_str())
                .bind(new_due.to_string())
                .bind(l.id)
                .execute(&mut *tx)
                .await?,
        )?;
        sqlx::query(
            "UPDATE letter_routes SET status = 'open', routed_on = $1, due_on = $2, reminded = 0, escalated = 0 \
             WHERE letter_id = $3 AND status = 'answered'",
        )
        .bind(today.to_string())
        .bind(new_due.to_string())
        .bind(l.id)
        .execute(&mut *tx)
        .await?;
        log(&mut tx, l.id, LetterStep::Rated, None, today, s.as_str(), true, None).await?;
        log(&mut tx, l.id, LetterStep::Reopened, None, today, reason, true, None).await?;
    } else {
        changed(
            sqlx::query("UPDATE letters SET status = 'closed', satisfaction = $1, closed_on = $2 WHERE id = $3 AND status = 'answered'")
                .bind(s.as_str())
                .bind(today.to_string())
                .bind(l.id)
                .execute(&mut *tx)
                .await?,
        )?;
        let note = if reason.is_empty() { s.as_str().to_owned() } else { format!("{}: {reason}", s.as_str()) };
        log(&mut tx, l.id, LetterStep::Rated, None, today, &note, true, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueueDb {
    pub id: i64,
    pub tracking: String,
    pub letter_type: String,
    pub urgent: i64,
    pub subject: String,
    pub status: String,
    pub filed_on: String,
    pub due_on: String,
    pub units: Option<String>,
}

const QUEUE_SELECT: &str = "SELECT l.id, l.tracking, l.letter_type, l.urgent, l.subject, l.status, l.filed_on, l.due_on, \
    (SELECT MIN(u.name) FROM letter_routes r JOIN units u ON u.id = r.unit_id WHERE r.letter_id = l.id) AS units FROM letters l";

/// Letters still to be dealt with (and the latest closed ones when `closed`): every letter for the
/// desk (`units` None), else those routed to the units, open routes first.
pub async fn queue(db: &Db, units: Option<&[i64]>, closed: bool, limit: i64) -> Result<Vec<QueueDb>, sqlx::Error> {
    let mut sql = Sql::default();
    let mut filters = Vec::new();
    if let Some(units) = units {
        let list = sql.in_list(units);
        let open = if closed { "" } else { " AND r.status = 'open'" };
        filters.push(format!("l.id IN (SELECT r.letter_id FROM letter_routes r WHERE r.unit_id IN {list}{open})"));
    } else if !closed {
        filters.push("l.status IN ('received', 'routed')".to_owned());
    }
    if closed {
        filters.push("l.status NOT IN ('received', 'routed')".to_owned());
    }
    let where_ = if filters.is_empty() { String::new() } else { format!(" WHERE {}", filters.join(" AND ")) };
    let order = if closed { "l.updated_at DESC" } else { "l.due_on, l.id" };
    let limit_mark = sql.arg(Arg::I(limit));
    let text = format!("{QUEUE_SELECT}{where_} ORDER BY {order} LIMIT {limit_mark}");
    bind_args!(sqlx::query_as::<_, QueueDb>(&text), &sql.args).fetch_all(&db.pool).await
}

/// Valid letters still unanswered that were filed on or before `filed_by` (a superset of the
/// three-month alarm; the caller applies the exact rule).
pub async fn old_pending(db: &Db, filed_by: Date) -> Result<Vec<QueueDb>, sqlx::Error> {
    sqlx::query_as(&format!("{QUEUE_SELECT} WHERE l.status IN ('received', 'routed') AND l.filed_on <= $1 ORDER BY l.filed_on LIMIT 200"))
        .bind(filed_by.to_string())
        .fetch_all(&db.pool)
        .await
}

/// The unit whose staff run the hotline desk: by credit code, else the first top-level unit.
pub async fn desk_unit(db: &Db, code: Option<&str>) -> Result<Option<i64>, sqlx::Error> {
    if let Some(code) = code {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM units WHERE code = $1").bind(code).fetch_optional(&db.pool).await?;
        if row.is_some() {
            return Ok(row.map(|r| r.0));
        }
    }
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM units WHERE parent_id IS NULL ORDER BY sort_order, id LIMIT 1").fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.0))
}

fn public_filters(sql: &mut Sql, q: &str, letter_type: Option<LetterType>, unit: Option<i64>) -> String {
    let mut w = "l.public_ok = 1 AND l.status IN ('answered', 'closed')".to_owned();
    if !q.is_empty() {
        let pattern = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let a = sql.text(pattern.clone());
        let b = sql.text(pattern);
        w.push_str(&format!(" AND (l.public_subject LIKE {a} ESCAPE '\\' OR l.public_content LIKE {b} ESCAPE '\\')"));
    }
    if let Some(t) = letter_type {
        let m = sql.text(t.as_str());
        w.push_str(&format!(" AND l.letter_type = {m}"));
    }
    if let Some(u) = unit {
        let m = sql.arg(Arg::I(u));
        w.push_str(&format!(" AND l.id IN (SELECT letter_id FROM letter_routes WHERE unit_id = {m} AND status = 'answered')"));
    }
    w
}

/// Published letters, newest answer first: (total, one page).
pub async fn public_list(
    db: &Db,
    memo: &crate::server::memo::Memo,
    q: &str,
    letter_type: Option<LetterType>,
    unit: Option<i64>,
    offset: i64,
    limit: i64,
) -> Result<(i64, Vec<PublicLetter>), sqlx::Error> {
    let mut sql = Sql::default();
    let w = public_filters(&mut sql, q, letter_type, unit);
    let count_sql = format!("SELECT COUNT(*) FROM letters l WHERE {w}");
    // The free text goes last: the codes before it never hold a colon, so keys cannot collide.
    let key = format!("letters:count:{}:{}:{q}", letter_type.map(|t| t.as_str()).unwrap_or(""), unit.unwrap_or(0));
    let (total,): (i64,) = memo.get_or(&key, || bind_args!(sqlx::query_as(&count_sql), &sql.args).fetch_one(&db.pool)).await?;
    let lim = sql.arg(Arg::I(limit));
    let off = sql.arg(Arg::I(offset));
    let list_sql = format!(
        "SELECT l.id, l.letter_type, l.public_subject, l.public_content, l.filed_on, l.answered_on, l.satisfaction FROM letters l \
         WHERE {w} ORDER BY l.answered_on DESC, l.id DESC LIMIT {lim} OFFSET {off}"
    );
    let rows: Vec<(i64, String, String, String, String, Option<String>, Option<String>)> = bind_args!(sqlx::query_as(&list_sql), &sql.args)
    .fetch_all(&db.pool)
    .await?;
    // The page's replies in one query (one per letter cost 20 round trips a page).
    let mut reply_sql = Sql::default();
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let in_ids = reply_sql.in_list(&ids);
    let reply_query = format!(
        "SELECT r.letter_id, u.name, r.reply, r.replied_on FROM letter_routes r JOIN units u ON u.id = r.unit_id \
         WHERE r.letter_id IN {in_ids} AND r.status = 'answered' ORDER BY r.id"
    );
    let reply_rows: Vec<(i64, String, String, Option<String>)> =
        bind_args!(sqlx::query_as(&reply_query), &reply_sql.args).fetch_all(&db.pool).await?;
    let mut replies: std::collections::HashMap<i64, Vec<(String, String, String)>> = std::collections::HashMap::new();
    for (letter, unit, reply, on) in reply_rows {
        replies.entry(letter).or_default().push((unit, mask_numbers_in_text(&reply), on.unwrap_or_default()));
    }
    let out = rows
        .into_iter()
        .map(|(id, t, subject, content, filed_on, answered_on, satisfaction)| PublicLetter {
            id,
            letter_type: LetterType::parse(&t).unwrap_or(LetterType::Consult),
            subject,
            content,
            filed_on,
            answered_on: answered_on.unwrap_or_default(),
            replies: replies.remove(&id).unwrap_or_default(),
            satisfaction: satisfaction.as_deref().and_then(Satisfaction::parse),
        })
        .collect();
    Ok((total, out))
}

/// Units that have answered a published letter, for the filter.
pub async fn public_units(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        // Unit by unit through the routes' index, stopping at the first published letter (the
        // IN form joined every answered route with its letter: 0.7 s at 300,000 letters).
        "SELECT u.id, u.name FROM units u WHERE EXISTS (SELECT 1 FROM letter_routes r JOIN letters l ON l.id = r.letter_id \
         WHERE r.unit_id = u.id AND r.status = 'answered' AND l.public_ok = 1) ORDER BY u.sort_order, u.id",
    )
    .fetch_all(&db.pool)
    .await
}

/// The month's valid letters and their routings, for the statistics.
pub async fn stat_rows(db: &Db, month: Month) -> Result<(Vec<StatRow>, Vec<(i64, String, StatRow)>), sqlx::Error> {
    let (from, to) = (month.first_day().to_string(), month.end().to_string());
    let letters: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT letter_type, filed_on, answered_on FROM letters WHERE filed_on >= $1 AND filed_on < $2 AND status NOT IN ('rejected', 'merged')",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(&db.pool)
    .await?;
    let routes: Vec<(i64, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT r.unit_id, u.name, l.letter_type, r.routed_on, r.replied_on FROM letter_routes r JOIN letters l ON l.id = r.letter_id \
         JOIN units u ON u.id = r.unit_id WHERE l.filed_on >= $1 AND l.filed_on < $2 AND l.status NOT IN ('rejected', 'merged')",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(&db.pool)
    .await?;
    let row = |t: &str, r: &str, a: Option<String>| {
        Some(StatRow { letter_type: LetterType::parse(t)?, received_on: parse_date(r)?, answered_on: a.as_deref().and_then(parse_date) })
    };
    Ok((
        letters.into_iter().filter_map(|(t, r, a)| row(&t, &r, a)).collect(),
        routes.into_iter().filter_map(|(id, name, t, r, a)| Some((id, name, row(&t, &r, a)?))).collect(),
    ))
}

/// The files attached to a letter.
pub async fn files(db: &Db, letter_id: i64) -> Result<Vec<crate::cases::FileView>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as("SELECT id, name, size FROM letter_files WHERE letter_id = $1 ORDER BY id")
        .bind(letter_id)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|(id, name, size)| crate::cases::FileView { id, name, size, from_staff: false }).collect())
}

/// (name, mime, bytes) of one of a letter's files.
pub async fn file(db: &Db, letter_id: i64, id: i64) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as("SELECT name, mime, data FROM letter_files WHERE id = $1 AND letter_id = $2").bind(id).bind(letter_id).fetch_optional(&db.pool).await
}
