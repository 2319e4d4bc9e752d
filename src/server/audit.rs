//! Append-only audit log of staff actions.

use super::db::{Db, now};

pub async fn record(db: &Db, staff_id: Option<i64>, action: &str, detail: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit_log (at, staff_id, action, detail) VALUES ($1, $2, $3, $4)")
        .bind(now())
        .bind(staff_id)
        .bind(action)
        .bind(detail)
        .execute(&db.pool)
        .await?;
    Ok(())
}
