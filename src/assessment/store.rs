//! SQL for the yearly report: the requests that touch the year, with their answer codes.

use crate::domain::application::ApplicantType;
use crate::domain::report::ReportCase;
use crate::server::Db;
use crate::server::sql::{Arg, Sql, bind_args};

fn date(s: &str) -> Option<time::Date> {
    time::Date::parse(s, &time::format_description::well_known::Iso8601::DATE).ok()
}

/// Information requests filed up to the end of `year` and not answered before its start, of one
/// unit or all, with the latest answer's code.
pub async fn report_cases(db: &Db, year: i32, unit: Option<i64>) -> Result<Vec<ReportCase>, sqlx::Error> {
    let mut sql = Sql::default();
    let end = sql.text(format!("{year}-12-31"));
    let start = sql.text(format!("{year}-01-01"));
    let unit_filter = match unit {
        Some(u) => format!("AND c.unit_id = {}", sql.arg(Arg::I(u))),
        None => String::new(),
    };
    let text = format!(
        "SELECT c.applicant_type, c.filed_on, c.closed_on, \
         (SELECT e.code FROM case_events e WHERE e.case_id = c.id AND e.kind = 'answer' ORDER BY e.id DESC LIMIT 1) \
         FROM cases c WHERE c.kind = 'info' AND c.filed_on <= {end} AND (c.closed_on IS NULL OR c.closed_on >= {start}) {unit_filter}"
    );
    let rows: Vec<(String, String, Option<String>, Option<String>)> = bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(applicant, filed_on, closed_on, outcome)| {
            Some(ReportCase {
                applicant: ApplicantType::parse(&applicant)?,
                filed_on: date(&filed_on)?,
                closed_on: closed_on.as_deref().and_then(date),
                outcome,
            })
        })
        .collect())
}

/// (first published in the year, revised in the year) catalog entries, of one unit or all.
pub async fn published(db: &Db, year: i32, unit: Option<i64>) -> Result<(i64, i64), sqlx::Error> {
    let mut sql = Sql::default();
    let like = sql.text(format!("{year}-%"));
    let unit_filter = match unit {
        Some(u) => format!("AND unit_id = {}", sql.arg(Arg::I(u))),
        None => String::new(),
    };
    let text = format!(
        "SELECT COALESCE(SUM(CASE WHEN published_on LIKE {like} THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN updated_on LIKE {like} AND updated_on <> published_on THEN 1 ELSE 0 END), 0) \
         FROM catalog_entries WHERE state <> 'unpublished' {unit_filter}"
    );
    let row: (i64, i64) = bind_args!(sqlx::query_as(&text), &sql.args).fetch_one(&db.pool).await?;
    Ok(row)
}
