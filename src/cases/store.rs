//! SQL for cases, their events and attachments, and the rules that tie them to the deadline
//! engine: every event is checked by the engine before it is written, and the cached due date
//! is recomputed from all events after it.

use super::{FileView, TimelineEntry};
use crate::domain::application::{ACCEPT_DAYS, Action, Application, CaseKind, CaseStatus};
use crate::domain::tracking::{QUERY_CODE_LEN, TRACKING_BODY_LEN};
use crate::domain::{CaseEvent, Deadline, DeadlineError, DeadlineRules, QueryCode, TrackingNumber, WorkingDayCalendar};
use crate::server::Db;
use crate::server::db::now;
use sha2::{Digest, Sha256};
use time::Date;

macro_rules! case_select_columns {
    () => {
        "SELECT c.id, c.kind, c.tracking, c.code_hash, c.unit_id, c.matter_id, c.status, c.applicant_type, \
         c.applicant_name, c.org_name, c.id_type, c.id_number, c.phone, c.email, c.address, c.subject, c.description, c.purpose, \
         c.delivery, c.assignee_id, c.filed_on, c.due_on, c.closed_on, u.name AS unit_name, m.name AS matter_name, \
         m.limit_days AS matter_limit, s.display_name AS assignee_name"
    };
}
macro_rules! case_from {
    () => {
        "FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN matters m ON m.id = c.matter_id \
         LEFT JOIN staff s ON s.id = c.assignee_id"
    };
}
const CASE_SELECT_COLUMNS: &str = case_select_columns!();
const CASE_FROM: &str = case_from!();
/// A case with the names it is shown with, in one query.
const CASE_SELECT: &str = concat!(case_select_columns!(), " ", case_from!());

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub kind: String,
    pub tracking: String,
    pub code_hash: String,
    pub unit_id: i64,
    pub matter_id: Option<i64>,
    pub status: String,
    pub applicant_type: String,
    pub applicant_name: String,
    pub org_name: String,
    pub id_type: String,
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub subject: String,
    pub description: String,
    pub purpose: String,
    pub delivery: String,
    pub assignee_id: Option<i64>,
    pub filed_on: String,
    pub due_on: Option<String>,
    pub closed_on: Option<String>,
    pub unit_name: String,
    pub matter_name: Option<String>,
    pub matter_limit: Option<i64>,
    pub assignee_name: Option<String>,
}

impl CaseRow {
    pub fn kind(&self) -> CaseKind {
        CaseKind::parse(&self.kind).unwrap_or(CaseKind::Info)
    }
    pub fn status(&self) -> CaseStatus {
        CaseStatus::parse(&self.status).unwrap_or(CaseStatus::Received)
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub kind: String,
    pub on_date: String,
    pub days: Option<i64>,
    pub code: String,
    pub note: String,
    pub public: i64,
    pub staff_name: Option<String>,
}

pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, &time::format_description::well_known::Iso8601::DATE).ok()
}

/// SHA-256 of a query code, hex: the only form in which codes are stored.
pub fn hash_code(code: &QueryCode) -> String {
    format!("{:x}", Sha256::digest(code.expose().as_bytes()))
}

/// Constant-time comparison of a typed code with the stored hash.
pub fn code_matches(code: &QueryCode, stored_hash: &str) -> bool {
    let typed = hash_code(code);
    typed.len() == stored_hash.len() && typed.bytes().zip(stored_hash.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

pub(crate) fn random_tracking() -> TrackingNumber {
    use rand::RngCore;
    let mut b = [0u8; TRACKING_BODY_LEN];
    rand::thread_rng().fill_bytes(&mut b);
    TrackingNumber::from_random(b)
}

pub(crate) fn random_code() -> QueryCode {
    use rand::RngCore;
    let mut b = [0u8; QUERY_CODE_LEN];
    rand::thread_rng().fill_bytes(&mut b);
    QueryCode::from_random(b)
}

/// The engine's view of a case's events.
fn engine_events(events: &[(Action, Date, Option<i64>)]) -> Vec<CaseEvent> {
    events
        .iter()
        .filter_map(|&(a, on, days)| match a {
            Action::Received => Some(CaseEvent::Received(on)),
            Action::RequestCorrection => Some(CaseEvent::CorrectionRequested(on)),
            Action::Corrected => Some(CaseEvent::CorrectionReceived(on)),
            Action::Extend => Some(CaseEvent::Extended { on, days: days.unwrap_or(0).clamp(0, 1000) as u32 }),
            Action::ConsultStart => Some(CaseEvent::ConsultationStarted(on)),
            Action::ConsultEnd => Some(CaseEvent::ConsultationEnded(on)),
            Action::Answer => Some(CaseEvent::Answered(on)),
            _ => None,
        })
        .collect()
}

/// The due date of a case and, for information requests, the engine's reasoning.
pub fn due_date(
    kind: CaseKind,
    events: &[(Action, Date, Option<i64>)],
    matter_limit: Option<i64>,
    cal: &WorkingDayCalendar,
) -> Result<(Option<Date>, Option<Deadline>), DeadlineError> {
    match kind {
        CaseKind::Info => {
            let d = crate::domain::deadline::compute(&engine_events(events), cal, &DeadlineRules::default())?;
            Ok((d.due.or_else(|| if d.state == crate::domain::deadline::ClockState::Answered { last_due(events, cal) } else { None }), Some(d)))
        }
        CaseKind::Service => {
            let filed = events.first().map(|e| e.1);
            let accepted = events.iter().find(|e| e.0 == Action::Accept).map(|e| e.1);
            let due = match (accepted, filed) {
                (Some(a), _) => Some(cal.add_working_days(a, matter_limit.unwrap_or(20).clamp(1, 365) as u32)),
                (None, Some(f)) => Some(cal.add_working_days(f, ACCEPT_DAYS)),
                _ => None,
            };
            Ok((due, None))
        }
    }
}

/// The due date an answered request had just before its answer (kept for the record).
fn last_due(events: &[(Action, Date, Option<i64>)], cal: &WorkingDayCalendar) -> Option<Date> {
    let before: Vec<_> = events.iter().copied().filter(|e| e.0 != Action::Answer).collect();
    crate::domain::deadline::compute(&engine_events(&before), cal, &DeadlineRules::default()).ok()?.due
}

pub struct Filed {
    pub id: i64,
    pub tracking: TrackingNumber,
    /// The query code, for a newly created case only (an existing one's code is not stored).
    pub code: Option<QueryCode>,
}

/// What filing from the public form also does, in the case's own transaction (so a filing costs
/// one durable commit): the form's saved draft (under the same token as `submit_key`) goes, and
/// the filing counts against its address.
pub struct FromForm<'a> {
    pub throttle_key: &'a str,
    pub limit: crate::server::throttle::Limit,
}

/// Why [`insert`] stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The public form's address has used up its share (checked with the filing, in the same
    /// statement on PostgreSQL and the same transaction on SQLite).
    #[error("too many filings from one address")]
    Throttled,
    /// No unit has the chosen id.
    #[error("no such unit")]
    NoSuchUnit,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// An address that has used up its share: the key, the start of the current window (now − the
/// window) and the share.
const BLOCKED: &str = "SELECT COUNT(*) FROM throttle WHERE key = $1 AND window_start > $2 AND hits >= $3";
const UNIT_EXISTS: &str = "SELECT COUNT(*) FROM units WHERE id = $1";

const INSERT_CASE: &str = "INSERT INTO cases (kind, tracking, code_hash, submit_key, unit_id, matter_id, status, applicant_type, \
     applicant_name, org_name, id_type, id_number, phone, email, address, subject, description, purpose, \
     delivery, filed_on, due_on, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22) \
     RETURNING id";
/// Where the tracking number goes among [`INSERT_CASE`]'s values.
const TRACKING_AT: usize = 1;
const INSERT_RECEIVED: &str = "INSERT INTO case_events (case_id, kind, on_date, at) VALUES ($1, $2, $3, $4)";
/// Files attached while the form was filled in become the case's, in the case's transaction.
const ADOPT_STAGED: &str = "INSERT INTO case_files (case_id, from_staff, name, mime, size, sha256, data, created_at) \
     SELECT $1, 0, name, mime, size, sha256, data, created_at FROM staged_files WHERE token = $2 ORDER BY id";
const DROP_STAGED: &str = "DELETE FROM staged_files WHERE token = $1";
const DROP_DRAFT: &str = "DELETE FROM form_drafts WHERE token = $1";
const BY_SUBMIT_KEY: &str = "SELECT id, tracking FROM cases WHERE submit_key = $1";
/// [`insert`] on PostgreSQL as one statement, so one round trip and one commit: the case (or
/// nothing, when its unit does not exist, its address has used up its share, or its submit key
/// or tracking number is taken), its first event, the form's staged files adopted and dropped,
/// and, when `$26` (from the public form), the form's draft dropped and the filing counted
/// against its address (`$27`, a share of `$29` in the window that starts after `$28`). Every
/// part after the case is conditioned on the case having been inserted; all of them see the same
/// snapshot, so the staged files are copied before they are deleted.
const FILE_POSTGRES: &str = "WITH c AS (INSERT INTO cases (kind, tracking, code_hash, submit_key, unit_id, matter_id, status, \
       applicant_type, applicant_name, org_name, id_type, id_number, phone, email, address, subject, description, purpose, \
       delivery, filed_on, due_on, created_at, updated_at) \
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22 \
     WHERE EXISTS (SELECT 1 FROM units WHERE id = $5) \
       AND NOT EXISTS (SELECT 1 FROM throttle WHERE $26 AND key = $27 AND window_start > $28 AND hits >= $29) \
     ON CONFLICT DO NOTHING RETURNING id), \
   e AS (INSERT INTO case_events (case_id, kind, on_date, at) SELECT id, $23, $24, $25 FROM c), \
   f AS (INSERT INTO case_files (case_id, from_staff, name, mime, size, sha256, data, created_at) \
     SELECT c.id, 0, s.name, s.mime, s.size, s.sha256, s.data, s.created_at FROM c, staged_files s WHERE s.token = $4 ORDER BY s.id), \
   s AS (DELETE FROM staged_files WHERE token = $4 AND EXISTS (SELECT 1 FROM c)), \
   d AS (DELETE FROM form_drafts WHERE token = $4 AND $26 AND EXISTS (SELECT 1 FROM c)), \
   h AS (INSERT INTO throttle (key, hits, window_start) SELECT $27, 1, $25 FROM c WHERE $26 \
     ON CONFLICT (key) DO UPDATE SET \
       hits = CASE WHEN throttle.window_start <= $28 THEN 1 ELSE throttle.hits + 1 END, \
       window_start = CASE WHEN throttle.window_start <= $28 THEN $25 ELSE throttle.window_start END) \
   SELECT id FROM c";
/// How often a filing draws a new tracking number when the drawn one is taken (rare).
const TRACKING_DRAWS: usize = 5;

/// Files a case, once: a second call with the same `submit_key` returns the first case, even
/// when the address has used up its share since. Refused when the unit does not exist or (from the
/// public form) the address has used up its share.
#[allow(clippy::too_many_arguments)]
pub async fn insert(
    db: &Db,
    kind: CaseKind,
    app: &Application,
    unit_id: i64,
    matter: Option<(i64, i64)>,
    submit_key: &str,
    filed_on: Date,
    cal: &WorkingDayCalendar,
    from_form: Option<FromForm<'_>>,
) -> Result<Filed, FileError> {
    use crate::server::writer::Value;
    let status = match kind {
        CaseKind::Info => CaseStatus::Received,
        CaseKind::Service => CaseStatus::Filed,
    };
    let events = [(Action::Received, filed_on, None)];
    let due = due_date(kind, &events, matter.map(|m| m.1), cal).ok().and_then(|d| d.0);
    let code = random_code();
    let values: Vec<Value> = vec![
        kind.as_str().into(),
        Value::Text(None), // the tracking number, drawn for each try
        hash_code(&code).into(),
        submit_key.into(),
        unit_id.into(),
        matter.map(|m| m.0).into(),
        status.as_str().into(),
        app.applicant_type.as_str().into(),
        app.applicant_name.as_str().into(),
        app.org_name.clone().into(),
        app.id_type.as_str().into(),
        app.id_number.as_str().into(),
        app.phone.as_str().into(),
        app.email.clone().into(),
        app.address.clone().into(),
        app.subject.as_str().into(),
        app.description.as_str().into(),
        app.purpose.clone().into(),
        app.delivery.as_str().into(),
        filed_on.to_string().into(),
        due.map(|d| d.to_string()).into(),
        now().into(),
    ];
    let filing = Filing {
        values,
        submit_key: submit_key.to_owned(),
        unit_id,
        filed_on,
        form: from_form.map(|f| (f.throttle_key.to_owned(), f.limit)),
    };
    let filed = match &db.writer {
        Some(writer) => writer.write(move |c| file_on(c, filing)).await.map_err(sqlx::Error::from)?,
        None if db.backend == crate::server::db::Backend::Postgres => file_on_postgres(db, filing).await?,
        None => file_on_pool(db, filing).await?,
    };
    match filed {
        Stored::New(id, tracking) => Ok(Filed { id, tracking, code: Some(code) }),
        Stored::Earlier(id, tracking) => Ok(Filed { id, tracking, code: None }),
        Stored::Throttled => Err(FileError::Throttled),
        Stored::NoSuchUnit => Err(FileError::NoSuchUnit),
    }
}

/// A filing as [`insert`] hands it to the backend's writer.
struct Filing {
    /// [`INSERT_CASE`]'s values, the tracking number (at [`TRACKING_AT`]) drawn for each try.
    values: Vec<crate::server::writer::Value>,
    submit_key: String,
    unit_id: i64,
    filed_on: Date,
    /// From the public form: the address's throttle key and share.
    form: Option<(String, crate::server::throttle::Limit)>,
}

/// What a filing did.
enum Stored {
    /// Stored a new case: its id and tracking number.
    New(i64, TrackingNumber),
    /// The same form was filed before: that case.
    Earlier(i64, TrackingNumber),
    Throttled,
    NoSuchUnit,
}

/// [`insert`]'s statements on the SQLite writer's connection, inside its transaction.
fn file_on(c: &rusqlite::Connection, filing: Filing) -> rusqlite::Result<Stored> {
    use rusqlite::{OptionalExtension, params, params_from_iter};
    let Filing { mut values, submit_key, unit_id, filed_on, form } = filing;
    let key = submit_key.as_str();
    let earlier: Option<(i64, String)> =
        c.prepare_cached(BY_SUBMIT_KEY)?.query_row([key], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    if let Some((id, t)) = earlier {
        return TrackingNumber::parse(&t).map(|t| Stored::Earlier(id, t)).map_err(|_| rusqlite::Error::InvalidQuery);
    }
    if c.prepare_cached(UNIT_EXISTS)?.query_row([unit_id], |r| r.get::<_, i64>(0))? == 0 {
        return Ok(Stored::NoSuchUnit);
    }
    let at = now();
    if let Some((throttle_key, limit)) = &form {
        let blocked = c.prepare_cached(BLOCKED)?.query_row(params![throttle_key, at - limit.window_secs, limit.max], |r| r.get::<_, i64>(0))?;
        if blocked > 0 {
            return Ok(Stored::Throttled);
        }
    }
    let mut draws = 0;
    let (id, tracking) = loop {
        let tracking = random_tracking();
        values[TRACKING_AT] = tracking.as_str().into();
        match c.prepare_cached(INSERT_CASE)?.query_row(params_from_iter(values.iter()), |r| r.get::<_, i64>(0)) {
            Ok(id) => break (id, tracking),
            // A tracking-number collision (the submit key was checked above, in this transaction).
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.extended_code == 2067 && draws + 1 < TRACKING_DRAWS => draws += 1,
            Err(e) => return Err(e),
        }
    };
    c.prepare_cached(INSERT_RECEIVED)?.execute(params![id, Action::Received.as_str(), filed_on.to_string(), at])?;
    c.prepare_cached(ADOPT_STAGED)?.execute(params![id, key])?;
    c.prepare_cached(DROP_STAGED)?.execute([key])?;
    if let Some((throttle_key, limit)) = &form {
        c.prepare_cached(DROP_DRAFT)?.execute([key])?;
        c.prepare_cached(crate::server::throttle::HIT)?.execute(params![throttle_key, at, at - limit.window_secs])?;
    }
    Ok(Stored::New(id, tracking))
}

/// [`insert`] on PostgreSQL: [`FILE_POSTGRES`]. When it stores nothing, finds out why (the
/// same form filed before, no such unit, the address's share used up) or, when none of those,
/// draws another tracking number (rare).
async fn file_on_postgres(db: &Db, filing: Filing) -> Result<Stored, sqlx::Error> {
    let Filing { mut values, submit_key, unit_id, filed_on, form } = filing;
    let at = now();
    let (throttle_key, window_start, share) = match &form {
        Some((key, limit)) => (key.as_str(), at - limit.window_secs, limit.max),
        None => ("", 0, 0),
    };
    for _ in 0..TRACKING_DRAWS {
        let tracking = random_tracking();
        values[TRACKING_AT] = tracking.as_str().into();
        let inserted: Option<(i64,)> = crate::server::writer::bind_all(sqlx::query_as(FILE_POSTGRES), &values)
            .bind(Action::Received.as_str())
            .bind(filed_on.to_string())
            .bind(at)
            .bind(form.is_some())
            .bind(throttle_key)
            .bind(window_start)
            .bind(share)
            .fetch_optional(&db.pool)
            .await?;
        if let Some((id,)) = inserted {
            return Ok(Stored::New(id, tracking));
        }
        // Nothing stored. The same form filed before (or being filed right now: this statement
        // waited for it) comes first, as on SQLite.
        if let Some(f) = find_by_submit_key(db, &submit_key).await? {
            return Ok(Stored::Earlier(f.id, f.tracking));
        }
        if let Some(refused) = refusal(db, unit_id, &form).await? {
            return Ok(refused);
        }
        // Otherwise the tracking number is taken: draw again.
    }
    Err(sqlx::Error::Protocol("could not draw a free tracking number".into()))
}

/// Whether a filing is refused before it is tried: no such unit, or its address has used up its
/// share.
async fn refusal(db: &Db, unit_id: i64, form: &Option<(String, crate::server::throttle::Limit)>) -> Result<Option<Stored>, sqlx::Error> {
    let (units,): (i64,) = sqlx::query_as(UNIT_EXISTS).bind(unit_id).fetch_one(&db.pool).await?;
    if units == 0 {
        return Ok(Some(Stored::NoSuchUnit));
    }
    if let Some((key, limit)) = form {
        let (blocked,): (i64,) =
            sqlx::query_as(BLOCKED).bind(key.as_str()).bind(now() - limit.window_secs).bind(limit.max).fetch_one(&db.pool).await?;
        if blocked > 0 {
            return Ok(Some(Stored::Throttled));
        }
    }
    Ok(None)
}

/// [`insert`]'s statements through the pool (an in-memory SQLite database).
async fn file_on_pool(db: &Db, filing: Filing) -> Result<Stored, sqlx::Error> {
    let Filing { mut values, submit_key, unit_id, filed_on, form } = filing;
    let submit_key = submit_key.as_str();
    if let Some(f) = find_by_submit_key(db, submit_key).await? {
        return Ok(Stored::Earlier(f.id, f.tracking));
    }
    if let Some(refused) = refusal(db, unit_id, &form).await? {
        return Ok(refused);
    }
    for _ in 0..TRACKING_DRAWS {
        let tracking = random_tracking();
        values[TRACKING_AT] = tracking.as_str().into();
        let turn = db.write_turn().await;
        let mut tx = db.begin().await?;
        let inserted: Result<(i64,), sqlx::Error> =
            crate::server::writer::bind_all(sqlx::query_as(INSERT_CASE), &values).fetch_one(&mut *tx).await;
        match inserted {
            Ok((id,)) => {
                sqlx::query(INSERT_RECEIVED)
                    .bind(id)
                    .bind(Action::Received.as_str())
                    .bind(filed_on.to_string())
                    .bind(now())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(ADOPT_STAGED).bind(id).bind(submit_key).execute(&mut *tx).await?;
                sqlx::query(DROP_STAGED).bind(submit_key).execute(&mut *tx).await?;
                if let Some((throttle_key, limit)) = &form {
                    sqlx::query(DROP_DRAFT).bind(submit_key).execute(&mut *tx).await?;
                    crate::server::throttle::hit_with(&mut *tx, throttle_key, *limit).await?;
                }
                tx.commit().await?;
                drop(turn);
                return Ok(Stored::New(id, tracking));
            }
            Err(e) => {
                drop(tx);
                drop(turn);
                // A concurrent submission of the same form won the race: answer with its case.
                if let Some(f) = find_by_submit_key(db, submit_key).await? {
                    return Ok(Stored::Earlier(f.id, f.tracking));
                }
                // Otherwise a tracking-number collision (rare): draw again.
                if !matches!(&e, sqlx::Error::Database(d) if d.is_unique_violation()) {
                    return Err(e);
                }
            }
        }
    }
    Err(sqlx::Error::Protocol("could not draw a free tracking number".into()))
}

async fn find_by_submit_key(db: &Db, key: &str) -> Result<Option<Filed>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as(BY_SUBMIT_KEY).bind(key).fetch_optional(&db.pool).await?;
    Ok(row.and_then(|(id, t)| Some(Filed { id, tracking: TrackingNumber::parse(&t).ok()?, code: None })))
}

pub async fn by_tracking(db: &Db, tracking: &TrackingNumber) -> Result<Option<CaseRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CASE_SELECT} WHERE c.tracking = $1"))
        .bind(tracking.as_str())
        .fetch_optional(&db.pool)
        .await
}

/// What a case's view shows besides the case row: its events, attachments and rating.
#[derive(Debug)]
pub struct CaseParts {
    pub events: Vec<EventRow>,
    pub files: Vec<FileView>,
    pub rating: Option<crate::ratings::store::RatingRow>,
}

/// Reads a case's [`CaseParts`] (three queries).
pub async fn parts(db: &Db, case_id: i64) -> Result<CaseParts, sqlx::Error> {
    let events = events(db, case_id).await?;
    let files = files(db, case_id).await?;
    let rating = crate::ratings::store::row_for_case(db, case_id).await?;
    Ok(CaseParts { events, files, rating })
}

type EventJson = (i64, String, String, Option<i64>, String, String, i64, Option<String>);

/// The SQL of [`by_tracking_with_parts`]: the case's columns (as in [`CaseRow`], in order),
/// then its events, attachments and rating as JSON arrays built by the database; `$1` is the
/// tracking number. Public so that `gongkai lookup-sql` can print it for the benchmark, which
/// runs it alone against PostgreSQL.
pub fn with_parts_sql(backend: crate::server::db::Backend) -> String {
    let (agg, arr, text) = match backend {
        crate::server::db::Backend::Sqlite => ("json_group_array", "json_array", ""),
        crate::server::db::Backend::Postgres => ("json_agg", "json_build_array", "::text"),
    };
    format!(
        "{CASE_SELECT_COLUMNS}, \
         COALESCE((SELECT {agg}({arr}(e.id, e.kind, e.on_date, e.days, e.code, e.note, e.public, es.display_name)) \
            FROM case_events e LEFT JOIN staff es ON es.id = e.staff_id WHERE e.case_id = c.id){text}, '[]') AS events_json, \
         COALESCE((SELECT {agg}({arr}(f.id, f.name, f.size, f.from_staff)) FROM case_files f WHERE f.case_id = c.id){text}, '[]') \
            AS files_json, \
         (SELECT {arr}(r.id, r.level, r.comment, r.rated_on){text} FROM ratings r WHERE r.case_id = c.id) AS rating_json \
         {CASE_FROM} WHERE c.tracking = $1"
    )
}

/// [`by_tracking`] with the case's [`CaseParts`] in the same query: the lookup's hot path, one
/// round trip instead of four. On a SQLite file the read runs on the calling thread through the
/// database's [`Reader`](crate::server::reader::Reader); on PostgreSQL (and when the file is
/// busy) through the pool.
pub async fn by_tracking_with_parts(db: &Db, tracking: &TrackingNumber) -> Result<Option<(CaseRow, CaseParts)>, sqlx::Error> {
    if let Some(reader) = &db.reader {
        match reader.read(|conn| read_with_parts(conn, tracking)) {
            Ok(found) => return Ok(found),
            Err(e) if crate::server::reader::is_busy(&e) => {}
            Err(e) => return Err(sqlx::Error::AnyDriverError(Box::new(e))),
        }
    }
    by_tracking_with_parts_pooled(db, tracking).await
}

/// [`by_tracking_with_parts`] through the pool, whatever the backend.
pub async fn by_tracking_with_parts_pooled(db: &Db, tracking: &TrackingNumber) -> Result<Option<(CaseRow, CaseParts)>, sqlx::Error> {
    use sqlx::{FromRow, Row};
    let sql = with_parts_sql(db.backend);
    let Some(row) = sqlx::query(&sql).bind(tracking.as_str()).fetch_optional(&db.pool).await? else { return Ok(None) };
    let case = CaseRow::from_row(&row)?;
    let json = |column: &str| -> Result<Option<String>, sqlx::Error> { row.try_get::<Option<String>, _>(column) };
    let parts = parts_from_json(json("events_json")?, json("files_json")?, json("rating_json")?)
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Some((case, parts)))
}

/// [`by_tracking_with_parts`] on one of the reader's SQLite connections.
fn read_with_parts(conn: &rusqlite::Connection, tracking: &TrackingNumber) -> rusqlite::Result<Option<(CaseRow, CaseParts)>> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| with_parts_sql(crate::server::db::Backend::Sqlite));
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([tracking.as_str()])?;
    let Some(r) = rows.next()? else { return Ok(None) };
    // The columns by position, in the order of `case_select_columns!` (the test that compares
    // this read with the pool's checks every field).
    let case = CaseRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        tracking: r.get(2)?,
        code_hash: r.get(3)?,
        unit_id: r.get(4)?,
        matter_id: r.get(5)?,
        status: r.get(6)?,
        applicant_type: r.get(7)?,
        applicant_name: r.get(8)?,
        org_name: r.get(9)?,
        id_type: r.get(10)?,
        id_number: r.get(11)?,
        phone: r.get(12)?,
        email: r.get(13)?,
        address: r.get(14)?,
        subject: r.get(15)?,
        description: r.get(16)?,
        purpose: r.get(17)?,
        delivery: r.get(18)?,
        assignee_id: r.get(19)?,
        filed_on: r.get(20)?,
        due_on: r.get(21)?,
        closed_on: r.get(22)?,
        unit_name: r.get(23)?,
        matter_name: r.get(24)?,
        matter_limit: r.get(25)?,
        assignee_name: r.get(26)?,
    };
    let parts = parts_from_json(r.get(27)?, r.get(28)?, r.get(29)?)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(27, rusqlite::types::Type::Text, Box::new(e)))?;
    Ok(Some((case, parts)))
}

/// A case's parts from the JSON arrays of [`with_parts_sql`], each put in order of id here: an
/// `ORDER BY` inside the aggregate made SQLite build and drop two temporary b-trees per lookup
/// (about a seventh of the lookup's instructions).
fn parts_from_json(events: Option<String>, files: Option<String>, rating: Option<String>) -> Result<CaseParts, serde_json::Error> {
    let mut events: Vec<EventJson> = serde_json::from_str(events.as_deref().unwrap_or("[]"))?;
    let mut files: Vec<(i64, String, i64, i64)> = serde_json::from_str(files.as_deref().unwrap_or("[]"))?;
    events.sort_unstable_by_key(|e| e.0);
    files.sort_unstable_by_key(|f| f.0);
    let rating = rating.map(|r| serde_json::from_str(&r)).transpose()?;
    let events = events
        .into_iter()
        .map(|(id, kind, on_date, days, code, note, public, staff_name)| EventRow { id, kind, on_date, days, code, note, public, staff_name })
        .collect();
    let files = files.into_iter().map(|(id, name, size, from_staff)| FileView { id, name, size, from_staff: from_staff != 0 }).collect();
    Ok(CaseParts { events, files, rating })
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<CaseRow>, sqlx::Error> {
    sqlx::query_as(&format!("{CASE_SELECT} WHERE c.id = $1")).bind(id).fetch_optional(&db.pool).await
}

pub async fn events(db: &Db, case_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.id, e.kind, e.on_date, e.days, e.code, e.note, e.public, s.display_name AS staff_name \
         FROM case_events e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = $1 ORDER BY e.id",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await
}

fn as_engine_input(rows: &[EventRow]) -> Vec<(Action, Date, Option<i64>)> {
    rows.iter().filter_map(|e| Some((Action::parse(&e.kind)?, parse_date(&e.on_date)?, e.days))).collect()
}

/// Timeline entries; `public_only` hides internal notes from the applicant.
pub fn timeline(rows: &[EventRow], public_only: bool) -> Vec<TimelineEntry> {
    rows.iter()
        .filter_map(|e| {
            let action = Action::parse(&e.kind)?;
            let hide_note = public_only && e.public == 0;
            Some(TimelineEntry {
                action,
                on_date: e.on_date.clone(),
                days: e.days,
                code: e.code.clone(),
                note: if hide_note { String::new() } else { e.note.clone() },
                by: e.staff_name.clone(),
            })
        })
        .collect()
}

/// The deadline of a stored case, computed from its events.
pub fn deadline_of(case: &CaseRow, rows: &[EventRow], matter_limit: Option<i64>, cal: &WorkingDayCalendar) -> Option<Deadline> {
    due_date(case.kind(), &as_engine_input(rows), matter_limit, cal).ok().and_then(|d| d.1)
}


/// A step to record.
pub struct Step<'a> {
    pub action: Action,
    pub on: Date,
    pub days: Option<i64>,
    pub code: &'a str,
    pub note: &'a str,
    pub public: bool,
    pub staff_id: Option<i64>,
    pub assignee: Option<i64>,
}

#[derive(Debug)]
pub enum ActError {
    /// The action is not open at the case's current step (or another officer acted first).
    NotOpen,
    /// The deadline engine refused the sequence of events.
    Deadline(DeadlineError),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ActError {
    fn from(e: sqlx::Error) -> Self {
        ActError::Db(e)
    }
}

/// Records a step: checks it against the case's status and the deadline engine, appends the
/// event and updates the status and cached due date, all or nothing.
pub async fn act(db: &Db, case: &CaseRow, step: Step<'_>, cal: &WorkingDayCalendar) -> Result<CaseStatus, ActError> {
    let kind = case.kind();
    let status = case.status();
    let Some(next) = step.action.next(kind, status) else { return Err(ActError::NotOpen) };
    let rows = events(db, case.id).await?;
    let mut input = as_engine_input(&rows);
    input.push((step.action, step.on, step.days));
    let (due, _) = due_date(kind, &input, case.matter_limit, cal).map_err(ActError::Deadline)?;
    let closed_on = next.is_closed().then(|| step.on.to_string());
    let mut tx = db.begin().await?;
    let updated = sqlx::query(
        "UPDATE cases SET status = $1, due_on = $2, closed_on = $3, assignee_id = COALESCE($4, assignee_id), updated_at = $5 \
         WHERE id = $6 AND status = $7",
    )
    .bind(next.as_str())
    .bind(due.map(|d| d.to_string()))
    .bind(closed_on)
    .bind(step.assignee)
    .bind(now())
    .bind(case.id)
    .bind(status.as_str())
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(ActError::NotOpen);
    }
    sqlx::query(
        "INSERT INTO case_events (case_id, kind, on_date, days, code, note, public, staff_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(case.id)
    .bind(step.action.as_str())
    .bind(step.on.to_string())
    .bind(step.days)
    .bind(step.code)
    .bind(step.note)
    .bind(i64::from(step.public))
    .bind(step.staff_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(next)
}

pub async fn files(db: &Db, case_id: i64) -> Result<Vec<FileView>, sqlx::Error> {
    let rows: Vec<(i64, String, i64, i64)> =
        sqlx::query_as("SELECT id, name, size, from_staff FROM case_files WHERE case_id = $1 ORDER BY id")
            .bind(case_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|(id, name, size, from_staff)| FileView { id, name, size, from_staff: from_staff != 0 }).collect())
}

/// Stores an attachment; `false` when the case already has the most files allowed.
pub async fn add_file(db: &Db, case_id: i64, from_staff: bool, name: &str, mime: &str, data: &[u8]) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM case_files WHERE case_id = $1").bind(case_id).fetch_one(&db.pool).await?;
    if n >= super::MAX_FILES_PER_CASE {
        return Ok(false);
    }
    let sha = sha256_hex(data);
    sqlx::query(
        "INSERT INTO case_files (case_id, from_staff, name, mime, size, sha256, data, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(case_id)
    .bind(i64::from(from_staff))
    .bind(name)
    .bind(mime)
    .bind(data.len() as i64)
    .bind(sha)
    .bind(data.to_vec())
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(true)
}

/// How long a file attached to a form that was never filed is kept.
const STAGED_KEEP_SECS: i64 = 24 * 3600;

fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

/// Keeps a file attached to a filing form (by its token) until the form is filed; `false` when
/// the form already has the most files allowed.
pub async fn stage_file(db: &Db, token: &str, name: &str, mime: &str, data: &[u8]) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM staged_files WHERE created_at < $1").bind(now() - STAGED_KEEP_SECS).execute(&db.pool).await?;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staged_files WHERE token = $1").bind(token).fetch_one(&db.pool).await?;
    if n >= super::MAX_FILES_PER_CASE {
        return Ok(false);
    }
    sqlx::query("INSERT INTO staged_files (token, name, mime, size, sha256, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(token)
        .bind(name)
        .bind(mime)
        .bind(data.len() as i64)
        .bind(sha256_hex(data))
        .bind(data.to_vec())
        .bind(now())
        .execute(&db.pool)
        .await?;
    Ok(true)
}

/// The files attached to a form not yet filed.
pub async fn staged_files(db: &Db, token: &str) -> Result<Vec<FileView>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as("SELECT id, name, size FROM staged_files WHERE token = $1 ORDER BY id")
        .bind(token)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|(id, name, size)| FileView { id, name, size, from_staff: false }).collect())
}

/// Takes a file off a form not yet filed; `false` when the form has no such file.
pub async fn unstage_file(db: &Db, token: &str, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM staged_files WHERE id = $1 AND token = $2").bind(id).bind(token).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// (case id, name, mime, bytes) of one attachment.
pub async fn file(db: &Db, id: i64) -> Result<Option<(i64, String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as("SELECT case_id, name, mime, data FROM case_files WHERE id = $1").bind(id).fetch_optional(&db.pool).await
}

/// Staff members holding a role in the unit, for assignment.
pub async fn unit_staff(db: &Db, unit_id: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT s.id, s.display_name FROM staff s JOIN staff_roles r ON r.staff_id = s.id \
         WHERE r.unit_id = $1 AND s.disabled = 0 ORDER BY s.id",
    )
    .bind(unit_id)
    .fetch_all(&db.pool)
    .await
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueueDbRow {
    pub id: i64,
    pub kind: String,
    pub tracking: String,
    pub status: String,
    pub unit_name: String,
    pub subject: String,
    pub applicant_name: String,
    pub filed_on: String,
    pub due_on: Option<String>,
    pub assignee: Option<String>,
}

/// Open cases (or all, with `include_closed`) of the given units (`None`: every unit), the
/// soonest due first; at most `limit`.
pub async fn queue(db: &Db, units: Option<&[i64]>, include_closed: bool, limit: i64) -> Result<Vec<QueueDbRow>, sqlx::Error> {
    let unit_filter = match units {
        None => String::new(),
        Some([]) => " AND 1 = 0".into(),
        Some(ids) => format!(" AND c.unit_id IN ({})", ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")),
    };
    let open_filter = if include_closed { "" } else { " AND c.closed_on IS NULL" };
    sqlx::query_as(&format!(
        "SELECT c.id, c.kind, c.tracking, c.status, u.name AS unit_name, c.subject, c.applicant_name, c.filed_on, c.due_on, \
         s.display_name AS assignee FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN staff s ON s.id = c.assignee_id \
         WHERE 1 = 1{unit_filter}{open_filter} ORDER BY c.closed_on IS NOT NULL, c.due_on IS NULL, c.due_on, c.id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Board figures per unit: (unit id, name, filed, completed), historical baseline included.
pub async fn board_units(db: &Db) -> Result<Vec<(i64, String, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.name, \
           COALESCE(b.filed, 0) + (SELECT COUNT(*) FROM cases c WHERE c.unit_id = u.id), \
           COALESCE(b.done, 0) + (SELECT COUNT(*) FROM cases c WHERE c.unit_id = u.id AND c.closed_on IS NOT NULL) \
         FROM units u LEFT JOIN case_stats_baseline b ON b.unit_id = u.id ORDER BY u.sort_order, u.id",
    )
    .fetch_all(&db.pool)
    .await
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LatestRow {
    pub applicant_name: String,
    pub kind: String,
    pub matter: Option<String>,
    pub unit_name: String,
    pub filed_on: String,
    pub status: String,
}

/// The most recently filed cases, newest first.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<LatestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.applicant_name, c.kind, m.name AS matter, u.name AS unit_name, c.filed_on, c.status \
         FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN matters m ON m.id = c.matter_id \
         ORDER BY c.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_code_is_stored_as_the_hex_of_its_sha256() {
        let code = QueryCode::parse("abcd2345ef").unwrap();
        // sha256("ABCD2345EF"), as `sha256sum` prints it.
        assert_eq!(hash_code(&code), "40840858f1a8013550f254ee7053ccf2ea47c2b2c7e51763c3b4a841b5c3e954");
        assert!(code_matches(&code, &hash_code(&code)));
        assert!(!code_matches(&QueryCode::parse("abcd2345eg").unwrap(), &hash_code(&code)));
    }

    #[test]
    fn a_cases_events_and_files_come_in_order_of_id_whatever_order_the_database_aggregates_them_in() {
        let events = r#"[[7,"answer","2026-03-02",null,"","",1,null],[3,"filed","2026-03-01",null,"","",1,"王"]]"#;
        let files = r#"[[9,"b.pdf",10,1],[2,"a.pdf",20,0]]"#;
        let parts = parts_from_json(Some(events.into()), Some(files.into()), None).unwrap();
        assert_eq!(parts.events.iter().map(|e| e.id).collect::<Vec<_>>(), [3, 7]);
        assert_eq!(parts.files.iter().map(|f| (f.id, f.from_staff)).collect::<Vec<_>>(), [(2, false), (9, true)]);
        assert!(parts.rating.is_none());
    }
}
