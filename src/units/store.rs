//! SQL for units.

use super::UnitView;
use crate::domain::UnitKind;
use crate::server::Db;

#[derive(sqlx::FromRow)]
struct UnitRow {
    id: i64,
    parent_id: Option<i64>,
    kind: String,
    name: String,
    code: String,
}

/// Every unit, in display order (by kind, then the configured order).
pub async fn list(db: &Db) -> Result<Vec<UnitView>, sqlx::Error> {
    let rows: Vec<UnitRow> =
        sqlx::query_as("SELECT id, parent_id, kind, name, code FROM units ORDER BY sort_order, id").fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(UnitView { id: r.id, parent_id: r.parent_id, kind: UnitKind::parse(&r.kind)?, name: r.name, code: r.code })
        })
        .collect())
}
