//! Calendar server functions: any staff member may read it, administrators change it.

use super::CalendarYear;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use crate::{domain::{DayKind, Need, Role}, i18n::Msg, server::{audit, auth}};

#[cfg(feature = "ssr")]
fn parse_date(raw: &str) -> Result<time::Date, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(AppError::invalid("date", Msg::FieldRequired));
    }
    time::Date::parse(raw, &time::format_description::well_known::Iso8601::DATE)
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or_else(|| AppError::invalid("date", Msg::DateInvalid))
}

/// One year's special days; `year` defaults to the current year.
#[server(endpoint = "calendar/year")]
pub async fn get_calendar_year(year: Option<i32>) -> Result<CalendarYear, AppError> {
    auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let year = year.filter(|y| (2000..=2100).contains(y)).unwrap_or_else(|| time::OffsetDateTime::now_utc().year());
    Ok(CalendarYear { year, days: super::store::list_year(&state.db, year).await? })
}

#[server(endpoint = "calendar/set")]
pub async fn set_calendar_day(date: String, kind: String, note: String) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    let date = parse_date(&date)?;
    let Some(kind) = DayKind::parse(&kind) else { return Err(AppError::invalid("kind", Msg::FieldRequired)) };
    let note = note.trim();
    if note.chars().count() > super::MAX_NOTE_CHARS || note.chars().any(char::is_control) {
        return Err(AppError::invalid("note", Msg::NoteTooLong));
    }
    super::store::set_day(&state.db, date, kind, note, Some(staff.id)).await?;
    audit::record(&state.db, Some(staff.id), "calendar_set", &format!("{date} {} {note}", kind.as_str())).await?;
    Ok(())
}

#[server(endpoint = "calendar/clear")]
pub async fn clear_calendar_day(date: String) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    let date = parse_date(&date)?;
    if !super::store::clear_day(&state.db, date).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&state.db, Some(staff.id), "calendar_clear", &date.to_string()).await?;
    Ok(())
}
