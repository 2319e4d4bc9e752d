//! Assessment server functions: the yearly report is public; scores, the self-audit and the
//! dimensions are for staff; site administrators set the rules.

use super::{AnnualReport, AssessmentView, ReportEdit, ScoresView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{MAX_REVIEW_COUNT, MAX_SECTION_CHARS, ReportTexts, store},
    crate::domain::assessment::{ColumnClass, FrequencyRule, HISTORY_DAYS, self_audit},
    crate::domain::catalog::Topic,
    crate::domain::report::application_table,
    crate::domain::{Need, Role, UnitKind},
    crate::i18n::Msg,
    crate::server::{AppState, Db, audit, auth},
};

#[cfg(feature = "ssr")]
fn iso(raw: &str) -> Option<time::Date> {
    time::Date::parse(raw.trim(), &time::format_description::well_known::Iso8601::DATE).ok()
}

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
    let texts = store::report_texts(&state.db, year, unit.unwrap_or(0)).await?;
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
        texts,
    })
}

/// The need to write a report: the county's is the site administrators'; a unit's, its
/// administrators' and reviewers'.
#[cfg(feature = "ssr")]
async fn require_report_writer(unit: i64) -> Result<auth::Staff, AppError> {
    if unit == 0 {
        return auth::require(Need::SiteRole(Role::Admin)).await;
    }
    let staff = auth::require(Need::Staff).await?;
    if staff.grants.satisfies(Need::RoleFor(Role::Admin, unit)) || staff.grants.satisfies(Need::RoleFor(Role::Reviewer, unit)) {
        Ok(staff)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The written parts of a report, for its writers; `unit` empty: the first report the viewer
/// may write (the county's for site administrators).
#[server(endpoint = "reports/edit")]
pub async fn get_report_edit(year: Option<i32>, #[server(default)] unit: String) -> Result<ReportEdit, AppError> {
    let staff = auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let today = state.today();
    let year = year.filter(|y| (2008..=today.year()).contains(y)).unwrap_or(today.year() - 1);
    let county = staff.grants.satisfies(Need::SiteRole(Role::Admin));
    let all = crate::apply::store::unit_options(&state.db).await?;
    let choices: Vec<_> = all
        .into_iter()
        .filter(|u| staff.grants.satisfies(Need::RoleFor(Role::Admin, u.id)) || staff.grants.satisfies(Need::RoleFor(Role::Reviewer, u.id)))
        .collect();
    let unit = match unit.trim() {
        "" if county => 0,
        "" => choices.first().map(|u| u.id).ok_or(AppError::Forbidden)?,
        u => u.parse::<i64>().map_err(|_| AppError::NotFound)?,
    };
    require_report_writer(unit).await?;
    let unit_name = choices.iter().find(|u| u.id == unit).map(|u| u.name.clone()).unwrap_or_default();
    if unit != 0 && unit_name.is_empty() {
        return Err(AppError::NotFound);
    }
    let texts = store::report_texts(&state.db, year, unit).await?;
    Ok(ReportEdit { year, unit, unit_name, choices, county, texts })
}

#[cfg(feature = "ssr")]
fn section(field: &'static str, raw: String) -> Result<String, (String, Msg)> {
    let text = raw.replace("\r\n", "\n").trim().to_owned();
    if text.chars().count() > MAX_SECTION_CHARS {
        return Err((field.into(), Msg::SectionTooLong));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err((field.into(), Msg::SectionTooLong));
    }
    Ok(text)
}

/// Saves the written parts of a report. Every refused field is reported at once and nothing is
/// saved until all are right.
#[server(endpoint = "reports/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_report_texts(
    year: i32,
    unit: i64,
    #[server(default)] overview: String,
    #[server(default)] problems: String,
    #[server(default)] other: String,
    #[server(default)] r0: String,
    #[server(default)] r1: String,
    #[server(default)] r2: String,
    #[server(default)] r3: String,
    #[server(default)] r4: String,
    #[server(default)] r5: String,
    #[server(default)] r6: String,
    #[server(default)] r7: String,
    #[server(default)] r8: String,
    #[server(default)] r9: String,
    #[server(default)] r10: String,
    #[server(default)] r11: String,
) -> Result<(), AppError> {
    let staff = require_report_writer(unit).await?;
    let state = auth::state()?;
    if !(2008..=state.today().year()).contains(&year) {
        return Err(AppError::NotFound);
    }
    if unit != 0 && !crate::apply::store::unit_exists(&state.db, unit).await? {
        return Err(AppError::NotFound);
    }
    let mut errors = Vec::new();
    let mut texts = ReportTexts::default();
    for (field, raw, slot) in [("overview", overview, &mut texts.overview), ("problems", problems, &mut texts.problems), ("other", other, &mut texts.other)] {
        match section(field, raw) {
            Ok(t) => *slot = t,
            Err(e) => errors.push(e),
        }
    }
    for (i, raw) in [r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11].into_iter().enumerate() {
        let raw = raw.trim();
        match if raw.is_empty() { Some(0) } else { raw.parse::<i64>().ok().filter(|n| (0..=MAX_REVIEW_COUNT).contains(n)) } {
            Some(n) => texts.review.push(n),
            None => errors.push((format!("r{i}"), Msg::CountInvalid)),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Fields { errors });
    }
    store::set_report_texts(&state.db, year, unit, &texts, staff.id).await?;
    audit::record(&state.db, Some(staff.id), "report_texts", &format!("{year} unit {unit}")).await?;
    Ok(())
}

/// Every unit's publishing-frequency score on the periods containing `as_of` (default today).
#[server(endpoint = "assessment/scores")]
pub async fn get_scores(#[server(default)] as_of: String) -> Result<ScoresView, AppError> {
    let staff = auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let today = state.today();
    let day = match as_of.trim() {
        "" => today,
        raw => iso(raw).filter(|d| d.year() >= 2008 && *d <= today).ok_or_else(|| AppError::invalid("as_of", Msg::DateInvalid))?,
    };
    let mut own: Vec<i64> = staff.grants.0.iter().filter_map(|g| g.unit).collect();
    own.sort_unstable();
    own.dedup();
    if staff.grants.0.iter().any(|g| g.unit.is_none()) {
        own.clear();
    }
    Ok(ScoresView {
        day: day.to_string(),
        today: today.to_string(),
        rules: store::rules(&state.db).await?,
        columns: store::column_classes(&state.db).await?,
        units: store::scores(&state.db, day).await?,
        own,
        can_edit: staff.grants.satisfies(Need::SiteRole(Role::Admin)),
    })
}

/// Sets (or replaces) the minimum for a column and kind of unit.
#[server(endpoint = "assessment/rule")]
pub async fn set_frequency_rule(
    #[server(default)] topic: String,
    #[server(default)] kind: String,
    #[server(default)] period: String,
    #[server(default)] minimum: String,
    #[server(default)] weight: String,
) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    let rule = FrequencyRule::parse(&topic, &kind, &period, &minimum, &weight)
        .map_err(|errors| AppError::Fields { errors: errors.into_iter().map(|(f, m)| (f.to_owned(), m)).collect() })?;
    store::set_rule(&state.db, &rule, staff.id).await?;
    let what = format!("{} {} {} ≥{} ×{}", rule.topic.as_str(), rule.kind.as_str(), rule.period.as_str(), rule.minimum, rule.weight);
    audit::record(&state.db, Some(staff.id), "assessment_rule", &what).await?;
    Ok(())
}

#[server(endpoint = "assessment/rule_remove")]
pub async fn remove_frequency_rule(topic: String, kind: String) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    let (Some(topic), Some(kind)) = (Topic::parse(&topic), UnitKind::parse(kind.trim())) else { return Err(AppError::NotFound) };
    if !store::remove_rule(&state.db, topic, kind).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&state.db, Some(staff.id), "assessment_rule_remove", &format!("{} {}", topic.as_str(), kind.as_str())).await?;
    Ok(())
}

/// Marks a column as news-like (stale after 2 weeks) or notice/policy (after 6 months).
#[server(endpoint = "assessment/column")]
pub async fn set_column_class(topic: String, class: String) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    let Some(topic) = Topic::parse(&topic) else { return Err(AppError::NotFound) };
    let Some(class) = ColumnClass::parse(&class) else { return Err(AppError::invalid("class", Msg::FieldRequired)) };
    store::set_column_class(&state.db, topic, class, staff.id).await?;
    audit::record(&state.db, Some(staff.id), "assessment_column", &format!("{} {}", topic.as_str(), class.as_str())).await?;
    Ok(())
}

/// Runs the self-audit for `today` and keeps it as the day's result.
#[cfg(feature = "ssr")]
pub async fn run_self_audit(db: &Db, today: time::Date) -> Result<crate::domain::assessment::AuditResult, sqlx::Error> {
    let facts = store::site_facts(db, today).await?;
    let result = self_audit(today, &facts);
    store::record_audit(db, &result).await?;
    Ok(result)
}

/// The daily self-audit, run by every app server once an hour: the first run of a day records
/// it (a later one that day refreshes it).
#[cfg(feature = "ssr")]
pub async fn daily_self_audit(state: &AppState) {
    let today = state.config.today();
    match store::audited(&state.db, today).await {
        Ok(true) => {}
        Ok(false) => match run_self_audit(&state.db, today).await {
            Ok(r) if r.vetoes.is_empty() => tracing::info!(findings = r.findings.len(), "self-audit: no veto"),
            Ok(r) => tracing::warn!(vetoes = ?r.vetoes, findings = r.findings.len(), "self-audit: the site fails a veto rule"),
            Err(e) => tracing::warn!(error = %e, "self-audit failed"),
        },
        Err(e) => tracing::warn!(error = %e, "self-audit history unreadable"),
    }
}

/// Today's self-audit (run afresh), the last 90 days, and the six dimensions.
#[server(endpoint = "assessment/overview")]
pub async fn get_assessment() -> Result<AssessmentView, AppError> {
    auth::require(Need::Staff).await?;
    let state = auth::state()?;
    let today = state.today();
    let audit = run_self_audit(&state.db, today).await?;
    let from = today - time::Duration::days(HISTORY_DAYS - 1);
    let rows = store::audit_history(&state.db, from, today).await?;
    let history = (0..HISTORY_DAYS)
        .map(|i| {
            let day = (from + time::Duration::days(i)).to_string();
            let found = rows.iter().find(|r| r.0 == day).map(|r| (r.1, r.2));
            (day, found)
        })
        .collect();
    let scores = store::scores(&state.db, today).await?;
    let scored: Vec<Option<i64>> = scores.iter().map(|u| u.score).collect();
    let figures = store::dimension_figures(&state.db, today).await?;
    Ok(AssessmentView { audit, history, dimensions: super::dimensions(&figures, crate::domain::assessment::mean(&scored)) })
}
