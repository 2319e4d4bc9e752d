//! SQL for the catalogue of matters and the unit list of the application form.

use super::{MatterUnit, MatterView, UnitOption};
use crate::domain::UnitKind;
use crate::domain::application::MatterKind;
use crate::server::Db;

pub async fn unit_options(db: &Db) -> Result<Vec<UnitOption>, sqlx::Error> {
    let rows: Vec<(i64, Option<i64>, String, String)> =
        sqlx::query_as("SELECT id, parent_id, kind, name FROM units ORDER BY sort_order, id").fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, parent, kind, name)| {
            Some(UnitOption { id, name, depth: u8::from(parent.is_some()), kind: UnitKind::parse(&kind)? })
        })
        .collect())
}

pub async fn unit_exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM units WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    Ok(row.is_some())
}

#[derive(sqlx::FromRow)]
struct MatterRow {
    id: i64,
    code: String,
    name: String,
    kind: String,
    unit_id: i64,
    unit_name: String,
    limit_days: i64,
    materials: String,
    fees: String,
    online: i64,
}

impl MatterRow {
    fn view(self) -> MatterView {
        MatterView {
            id: self.id,
            code: self.code,
            name: self.name,
            kind: MatterKind::parse(&self.kind).unwrap_or(MatterKind::Other),
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            limit_days: self.limit_days,
            materials: self.materials.lines().map(str::to_owned).filter(|l| !l.trim().is_empty()).collect(),
            fees: self.fees,
            online: self.online != 0,
        }
    }
}

const MATTER_SELECT: &str = "SELECT m.id, m.code, m.name, m.kind, m.unit_id, u.name AS unit_name, m.limit_days, m.materials, \
    m.fees, m.online FROM matters m JOIN units u ON u.id = m.unit_id";

pub async fn matter(db: &Db, id: i64) -> Result<Option<MatterView>, sqlx::Error> {
    let row: Option<MatterRow> =
        sqlx::query_as(&format!("{MATTER_SELECT} WHERE m.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.map(MatterRow::view))
}

/// Matters of one unit, or matching a name fragment anywhere; at most `limit`.
pub async fn matters(db: &Db, unit: Option<i64>, query: &str, limit: i64) -> Result<Vec<MatterView>, sqlx::Error> {
    let pattern = format!("%{}%", query.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let rows: Vec<MatterRow> = sqlx::query_as(&format!(
        "{MATTER_SELECT} WHERE ($1 = 0 OR m.unit_id = $1) AND ($2 = '' OR m.name LIKE $3 ESCAPE '\\') \
         ORDER BY m.online DESC, m.sort_order, m.id LIMIT $4"
    ))
    .bind(unit.unwrap_or(0))
    .bind(query)
    .bind(pattern)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(MatterRow::view).collect())
}

/// Units that have matters, with their counts.
pub async fn matter_units(db: &Db) -> Result<Vec<MatterUnit>, sqlx::Error> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT u.id, u.name, COUNT(*), CAST(SUM(m.online) AS BIGINT) FROM matters m JOIN units u ON u.id = m.unit_id \
         GROUP BY u.id, u.name, u.sort_order ORDER BY u.sort_order, u.id",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name, matters, online)| MatterUnit { id, name, matters, online }).collect())
}
