//! SQL for the working-day calendar.

use super::CalendarDayView;
use crate::domain::{DayKind, WorkingDayCalendar};
use crate::server::Db;
use crate::server::db::now;
use std::sync::Arc;
use time::Date;

fn parse_row(day: &str, kind: &str) -> Option<(Date, DayKind)> {
    let date = Date::parse(day, &time::format_description::well_known::Iso8601::DATE).ok()?;
    Some((date, DayKind::parse(kind)?))
}

/// How long an app server trusts its copy of the calendar. Changes made on this server apply at
/// once; those made on another app server of the same database within this time.
const CACHE_SECS: u64 = 30;

/// The whole calendar, from this server's copy when it is fresh (shared, not copied: the lookup
/// reads it on every request).
pub async fn load(db: &Db) -> Result<Arc<WorkingDayCalendar>, sqlx::Error> {
    if let Ok(cache) = db.calendar_cache.lock() {
        if let Some((at, cal)) = cache.as_ref() {
            if at.elapsed().as_secs() < CACHE_SECS {
                return Ok(cal.clone());
            }
        }
    }
    let cal = Arc::new(load_fresh(db).await?);
    if let Ok(mut cache) = db.calendar_cache.lock() {
        *cache = Some((std::time::Instant::now(), cal.clone()));
    }
    Ok(cal)
}

fn forget(db: &Db) {
    if let Ok(mut cache) = db.calendar_cache.lock() {
        *cache = None;
    }
}

/// The whole calendar from the database (a few dozen rows a year).
pub async fn load_fresh(db: &Db) -> Result<WorkingDayCalendar, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT day, kind FROM calendar_days").fetch_all(&db.pool).await?;
    Ok(WorkingDayCalendar::from_overrides(rows.iter().filter_map(|(d, k)| parse_row(d, k))))
}

pub async fn list_year(db: &Db, year: i32) -> Result<Vec<CalendarDayView>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT day, kind, note FROM calendar_days WHERE day >= $1 AND day <= $2 ORDER BY day")
            .bind(format!("{year:04}-01-01"))
            .bind(format!("{year:04}-12-31"))
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(day, kind, note)| Some(CalendarDayView { date: day, kind: DayKind::parse(&kind)?, note }))
        .collect())
}

pub async fn set_day(db: &Db, date: Date, kind: DayKind, note: &str, staff: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO calendar_days (day, kind, note, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(date.to_string())
    .bind(kind.as_str())
    .bind(note)
    .bind(now())
    .bind(staff)
    .execute(&db.pool)
    .await?;
    forget(db);
    Ok(())
}

pub async fn clear_day(db: &Db, date: Date) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM calendar_days WHERE day = $1").bind(date.to_string()).execute(&db.pool).await?;
    forget(db);
    Ok(done.rows_affected() > 0)
}

pub async fn is_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM calendar_days").fetch_one(&db.pool).await?;
    Ok(n == 0)
}
