//! Rating server functions: thin — find, check, store.

use super::{RatingsPage, StaffRatings};
use crate::domain::rating::RatingInput;
use crate::error::AppError;
use crate::i18n::Msg;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::store,
    crate::domain::application::clean_text,
    crate::domain::rating::{RatingLevel, rank},
    crate::domain::{Need, Role},
    crate::server::{audit, auth, drafts},
};

/// The longest explanation, remedy, callback note or appeal reason.
pub const MAX_REPLY: usize = 1000;

#[cfg(feature = "ssr")]
fn lookup_url(t: &str, c: &str) -> String {
    format!("/lookup?t={}&c={}", urlencoding::encode(t.trim()), urlencoding::encode(c.trim()))
}

/// The citizen rates a finished case, once. A 差评 opens a rectification for the unit.
#[server(endpoint = "ratings/rate")]
#[allow(clippy::too_many_arguments)]
pub async fn rate_case(
    t: String,
    c: String,
    #[server(default)] token: String,
    #[server(default)] level: String,
    #[server(default)] efficiency: String,
    #[server(default)] attitude: String,
    #[server(default)] guide: String,
    #[server(default)] convenience: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    let state = auth::state()?;
    let case = crate::cases::api::find_for_applicant(&state, &t, &c).await?;
    let input = RatingInput { level, efficiency, attitude, guide, convenience, comment };
    let back = lookup_url(&t, &c);
    if !case.status().is_closed() {
        return Err(drafts::refuse(&state.db, &token, "rating", &back, &input, vec![("level", Msg::RateWhenFinished)]).await);
    }
    let rating = match input.validate() {
        Ok(r) => r,
        Err(errors) => return Err(drafts::refuse(&state.db, &token, "rating", &back, &input, errors).await),
    };
    let today = state.today();
    let cal = crate::calendar::store::load(&state.db).await?;
    let rectify_by = cal.add_working_days(today, state.config.rectify_days);
    if !store::rate(&state.db, &case, &rating, today, rectify_by).await? {
        return Err(AppError::invalid("level", Msg::AlreadyRated));
    }
    tracing::info!(case = case.id, level = rating.level.as_str(), "case rated");
    Ok(())
}

/// The citizen's second rating after the unit answered a 差评.
#[server(endpoint = "ratings/rerate")]
pub async fn rerate_case(t: String, c: String, #[server(default)] second_level: String) -> Result<(), AppError> {
    let state = auth::state()?;
    let case = crate::cases::api::find_for_applicant(&state, &t, &c).await?;
    let level = RatingLevel::parse(&second_level).ok_or_else(|| AppError::invalid("second_level", Msg::ChooseOne))?;
    if !store::rerate(&state.db, case.id, level).await? {
        return Err(AppError::invalid("second_level", Msg::ActionNotOpen));
    }
    Ok(())
}

/// The rating form: a fresh token, or — after a rating refused without JavaScript — the draft's
/// token with what was chosen and typed and why it was refused.
#[server(endpoint = "ratings/form")]
pub async fn get_rating_form(draft: Option<String>) -> Result<(String, RatingInput, Vec<(String, Msg)>), AppError> {
    let state = auth::state()?;
    if let Some(token) = draft {
        if let Some((values, errors)) = drafts::load::<RatingInput>(&state.db, &token, "rating").await? {
            return Ok((token, values, errors));
        }
    }
    Ok((drafts::new_token(), RatingInput::default(), Vec::new()))
}

/// `/ratings`: 好评率, counts per level and the rankings over a period (default: this year).
#[server(endpoint = "ratings/public")]
pub async fn get_ratings(#[server(default)] from: String, #[server(default)] to: String) -> Result<RatingsPage, AppError> {
    let state = auth::state()?;
    let today = state.today();
    let mut errors = Vec::new();
    let mut date = |field: &str, raw: &str, default: String| -> String {
        let raw = raw.trim();
        if raw.is_empty() {
            return default;
        }
        match time::Date::parse(raw, &time::format_description::well_known::Iso8601::DATE) {
            Ok(d) => d.to_string(),
            Err(_) => {
                errors.push((field.to_owned(), Msg::DateInvalid));
                default
            }
        }
    };
    let year_start = format!("{}-01-01", today.year());
    let from = date("from", &from, year_start);
    let to = date("to", &to, today.to_string());
    let db = &state.db;
    Ok(RatingsPage {
        counts: store::totals(db, &from, &to).await?,
        units: rank(store::by_unit(db, &from, &to).await?),
        matters: rank(store::by_matter(db, &from, &to).await?).into_iter().take(20).collect(),
        comments: store::comments(db, &from, &to, 20).await?,
        from,
        to,
        errors,
    })
}

/// The staff page: their units' ratings (all units for site administrators and evaluators),
/// or the appeals waiting for a decision.
#[server(endpoint = "ratings/staff")]
pub async fn get_staff_ratings(#[server(default)] appeals: bool) -> Result<StaffRatings, AppError> {
    let staff = auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let can_decide = staff.grants.satisfies(Need::Role(Role::Evaluator));
    let everywhere = can_decide || staff.grants.satisfies(Need::SiteRole(Role::Admin));
    let units = staff.grants.0.iter().filter_map(|g| g.unit).collect::<Vec<_>>();
    if !everywhere && !staff.grants.satisfies(Need::UnitWork(None)) {
        return Err(AppError::Forbidden);
    }
    let scope = (!everywhere).then_some(units.as_slice());
    let today = state.today();
    let rows = store::staff_rows(&state.db, scope, appeals, today).await?;
    let (open_rectifications, overdue_rectifications) = store::rectification_counts(&state.db, scope, today).await?;
    Ok(StaffRatings { rows, open_rectifications, overdue_rectifications, can_decide })
}

/// The rating's unit, after checking the member may act for it with `need`.
#[cfg(feature = "ssr")]
async fn rating_unit(id: i64, need: impl Fn(i64) -> Need) -> Result<(auth::Staff, crate::server::AppState, i64), AppError> {
    let staff = auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let unit = store::unit_of(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !staff.grants.satisfies(need(unit)) {
        tracing::warn!(staff = staff.id, rating = id, "refused: rating of another unit");
        return Err(AppError::Forbidden);
    }
    Ok((staff, state, unit))
}

#[cfg(feature = "ssr")]
fn text(field: &'static str, raw: &str, required: bool) -> Result<String, AppError> {
    match clean_text(raw, MAX_REPLY, true) {
        Ok(s) if s.is_empty() && required => Err(AppError::invalid(field, Msg::FieldRequired)),
        Ok(s) => Ok(s),
        Err(m) => Err(AppError::invalid(field, m)),
    }
}

/// The unit answers a 差评: what happened, what it put right, and the callback to the citizen.
#[server(endpoint = "ratings/respond")]
pub async fn respond_rating(
    id: i64,
    #[server(default)] explanation: String,
    #[server(default)] remedy: String,
    #[server(default)] callback: String,
) -> Result<(), AppError> {
    let (staff, state, _) = rating_unit(id, |u| Need::UnitWork(Some(u))).await?;
    let explanation = text("explanation", &explanation, true)?;
    let remedy = text("remedy", &remedy, true)?;
    let callback = text("callback", &callback, true)?;
    if !store::respond(&state.db, id, staff.id, state.today(), &explanation, &remedy, &callback).await? {
        return Err(AppError::invalid("explanation", Msg::ActionNotOpen));
    }
    audit::record(&state.db, Some(staff.id), "rating_respond", &format!("rating {id}")).await?;
    Ok(())
}

/// The unit's reviewer appeals a rating as mistaken or malicious.
#[server(endpoint = "ratings/appeal")]
pub async fn appeal_rating(id: i64, #[server(default)] reason: String) -> Result<(), AppError> {
    let (staff, state, unit) = rating_unit(id, |u| Need::RoleFor(Role::Reviewer, u)).await?;
    let reason = text("reason", &reason, true)?;
    if !store::appeal(&state.db, id, unit, staff.id, &reason).await? {
        return Err(AppError::invalid("reason", Msg::AlreadyAppealed));
    }
    audit::record(&state.db, Some(staff.id), "rating_appeal", &format!("rating {id}")).await?;
    Ok(())
}

/// An evaluator decides an appeal: `uphold` removes the rating from the public figures.
#[server(endpoint = "ratings/decide")]
pub async fn decide_appeal(appeal: i64, #[server(default)] decision: String, #[server(default)] note: String) -> Result<(), AppError> {
    let staff = auth::require(Need::Role(Role::Evaluator)).await?;
    let state = auth::state()?;
    let uphold = match decision.as_str() {
        "uphold" => true,
        "dismiss" => false,
        _ => return Err(AppError::invalid("decision", Msg::ChooseOne)),
    };
    let note = text("note", &note, true)?;
    if !store::decide(&state.db, appeal, staff.id, uphold, &note).await? {
        return Err(AppError::invalid("decision", Msg::ActionNotOpen));
    }
    audit::record(&state.db, Some(staff.id), "rating_decide", &format!("appeal {appeal} {decision}")).await?;
    Ok(())
}

/// The twelve months ending with this one, oldest first: ("2025-12", …, "2026-11").
pub fn last_twelve_months(today: time::Date) -> Vec<String> {
    let (mut y, mut m) = (today.year(), u8::from(today.month()) as i32);
    let mut out = Vec::with_capacity(12);
    for _ in 0..12 {
        out.push(format!("{y:04}-{m:02}"));
        m -= 1;
        if m == 0 {
            m = 12;
            y -= 1;
        }
    }
    out.reverse();
    out
}

/// The evaluators' dashboard: 好评率 by month and the units with the most 差评 and overdue
/// rectifications. Evaluators and site administrators.
#[server(endpoint = "ratings/dashboard")]
pub async fn get_rating_dashboard() -> Result<super::RatingDashboard, AppError> {
    let staff = auth::require(Need::Staff).await?;
    if !staff.grants.satisfies(Need::Role(Role::Evaluator)) && !staff.grants.satisfies(Need::SiteRole(Role::Admin)) {
        return Err(AppError::Forbidden);
    }
    let state = auth::state()?;
    let today = state.today();
    let months = last_twelve_months(today);
    let from = format!("{}-01", months[0]);
    let found = store::monthly(&state.db, &from).await?;
    let months = months
        .into_iter()
        .map(|m| {
            let counts = found.iter().find(|f| f.0 == m).map(|f| f.1).unwrap_or_default();
            (m, counts)
        })
        .collect();
    let overdue = store::overdue_by_unit(&state.db, today).await?;
    let mut concerns: Vec<super::UnitConcern> = store::by_unit(&state.db, &from, &today.to_string())
        .await?
        .into_iter()
        .map(|(_, name, c)| super::UnitConcern { overdue: overdue.iter().find(|o| o.0 == name).map(|o| o.1).unwrap_or(0), name, bad: c.bad(), total: c.total() })
        .filter(|u| u.bad > 0 || u.overdue > 0)
        .collect();
    for (name, n) in &overdue {
        if !concerns.iter().any(|c| &c.name == name) {
            concerns.push(super::UnitConcern { name: name.clone(), bad: 0, total: 0, overdue: *n });
        }
    }
    concerns.sort_by(|a, b| b.bad.cmp(&a.bad).then(b.overdue.cmp(&a.overdue)).then(a.name.cmp(&b.name)));
    concerns.truncate(10);
    let officers = rank(store::by_officer(&state.db, &from, &today.to_string()).await?);
    Ok(super::RatingDashboard { months, concerns, officers })
}

#[cfg(test)]
mod tests {
    #[test]
    fn twelve_months_end_with_this_one_across_the_year() {
        let m = super::last_twelve_months(time::macros::date!(2026 - 03 - 15));
        assert_eq!(m.len(), 12);
        assert_eq!(m.first().map(String::as_str), Some("2025-04"));
        assert_eq!(m.last().map(String::as_str), Some("2026-03"));
    }
}
