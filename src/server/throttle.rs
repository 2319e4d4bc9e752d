//! Fixed-window rate limits kept in the database, so every app server sees the same counts.

use super::db::{Db, now};

/// A limit: at most `max` hits per `window_secs`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

/// Failed sign-ins per username.
pub const LOGIN_PER_USER: Limit = Limit { max: 5, window_secs: 15 * 60 };
/// Failed sign-ins per client address (offices share addresses behind NAT, so it is looser).
pub const LOGIN_PER_IP: Limit = Limit { max: 30, window_secs: 15 * 60 };

/// New applications and letters per client address per hour (`GONGKAI_SUBMIT_PER_ADDRESS`).
pub fn submissions(max: i64) -> Limit {
    Limit { max, window_secs: 3600 }
}

/// Refuses a new submission from an address that has used up its hourly share.
pub async fn check_submission(db: &Db, ip: &str, max: i64) -> Result<(), crate::error::AppError> {
    if is_blocked(db, &submission_key(ip), submissions(max)).await? {
        tracing::warn!("submission refused: too many from one address");
        return Err(crate::error::AppError::Throttled { msg: crate::i18n::Msg::SubmitThrottled });
    }
    Ok(())
}

/// Counts a stored submission against its address.
pub async fn count_submission(db: &Db, ip: &str, max: i64) -> Result<(), sqlx::Error> {
    hit(db, &submission_key(ip), submissions(max)).await
}

/// The key an address's submissions are counted under.
pub fn submission_key(ip: &str) -> String {
    format!("submit:{ip}")
}

/// True when `key` has used up its limit in the current window.
pub async fn is_blocked(db: &Db, key: &str, limit: Limit) -> Result<bool, sqlx::Error> {
    let row: Option<(i64, i64)> = sqlx::query_as("SELECT hits, window_start FROM throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    Ok(matches!(row, Some((hits, start)) if start > now() - limit.window_secs && hits >= limit.max))
}

/// Counts one hit against `key`, starting a new window when the old one has passed.
pub async fn hit(db: &Db, key: &str, limit: Limit) -> Result<(), sqlx::Error> {
    hit_with(&db.pool, key, limit).await
}

/// Counts a hit: the key, now, and the start of the current window (now − the window).
pub const HIT: &str = "INSERT INTO throttle (key, hits, window_start) VALUES ($1, 1, $2) \
     ON CONFLICT (key) DO UPDATE SET \
       hits = CASE WHEN throttle.window_start <= $3 THEN 1 ELSE throttle.hits + 1 END, \
       window_start = CASE WHEN throttle.window_start <= $3 THEN $2 ELSE throttle.window_start END";

/// [`hit`] on a given connection or transaction, so the count commits with what it counts.
pub async fn hit_with<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, key: &str, limit: Limit) -> Result<(), sqlx::Error> {
    let now = now();
    sqlx::query(HIT)
    .bind(key)
    .bind(now)
    .bind(now - limit.window_secs)
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn clear(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM throttle WHERE key = $1").bind(key).execute(&db.pool).await?;
    Ok(())
}
