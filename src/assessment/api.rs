//! Report server functions: public, read-only.

use super::AnnualReport;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::store, crate::domain::report::application_table, crate::server::auth};

/// The yearly report of the county (`unit` empty) or of one unit.
#[server(endpoint = "reports/annual")]
pub async fn get_annual_report(year: i32, #[server(default)] unit: String) -> Result<AnnualReport, AppError> {
    let state = auth::state()?;
    let today = state.today();
    if !(2008..=today.year()).contains(&year) {
        return Err(AppError::NotFound);
    }
    let units = crate::apply::store::unit_options(&state.db).await?;
    let unit = match unit.trim() {
        "" => None,
        u => Some(u.parse::<i64>().ok().filter(|id| units.iter().any(|o| o.id == *id)).ok_or(AppError::NotFound)?),
    };
    let unit_name = unit.and_then(|id| units.iter().find(|o| o.id == id)).map(|o| o.name.clone()).unwrap_or_default();
    let cases = store::report_cases(&state.db, year, unit).await?;
    let table = application_table(year, &cases);
    let (published, revised) = store::published(&state.db, year, unit).await?;
    Ok(AnnualReport {
        year,
        unit,
        unit_name,
        units,
        published,
        revised,
        unbalanced: table.unbalanced(),
        table,
        provisional: year == today.year(),
    })
}
