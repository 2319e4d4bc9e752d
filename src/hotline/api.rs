//! Hotline server functions: thin — parse, check the role, call the store, answer.

use super::{LetterForm, LetterQueue, LetterReceipt, LetterRow, LetterView, PublicLetters, StatsPage};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::store::{self, LetterDb, RouteDb, StepError},
    super::{PAGE_SIZE, RouteStatus, RouteView},
    crate::cases::store::parse_date,
    crate::domain::application::{MAX_NOTE, clean_text, required},
    crate::domain::letter::{
        LetterInput, LetterStatus, LetterStep, LetterType, MAX_EXTENSION_DAYS, MAX_LETTER_CONTENT, MAX_LETTER_SUBJECT, MAX_REOPEN, MAX_REPLY,
        Month, Satisfaction, summarise, unanswered_too_long,
    },
    crate::domain::supervision::urgency,
    crate::domain::{Need, TrackingNumber, Urgency, WorkingDayCalendar, mask_email, mask_name, mask_phone},
    crate::i18n::Msg,
    crate::server::{AppState, audit, auth, drafts},
};

/// Session key holding the query codes of letters written in this browser (tracking → code).
#[cfg(feature = "ssr")]
const LETTER_RECEIPTS: &str = "letter_receipts";
#[cfg(feature = "ssr")]
pub(crate) const FORM: &str = "letter";

/// The writing form; `draft` brings back a refused post.
#[server(endpoint = "hotline/form")]
pub async fn get_letter_form(draft: Option<String>) -> Result<LetterForm, AppError> {
    let state = auth::state()?;
    let units = crate::apply::store::unit_options(&state.db).await?;
    if let Some(token) = draft {
        if let Some((values, errors)) = drafts::load::<LetterInput>(&state.db, &token, FORM).await? {
            let files = crate::cases::store::staged_files(&state.db, &token).await?;
            return Ok(LetterForm { token, units, values, errors, files });
        }
    }
    let values = LetterInput { addressee: "mayor".into(), ..Default::default() };
    Ok(LetterForm { token: drafts::new_token(), units, values, errors: Vec::new(), files: Vec::new() })
}

/// Files a letter. A repeated submission of the same form (same `token`) answers with the first.
#[server(endpoint = "hotline/write")]
#[allow(clippy::too_many_arguments)]
pub async fn write_letter(
    token: String,
    #[server(default)] letter_type: String,
    #[server(default)] addressee: String,
    #[server(default)] subject: String,
    #[server(default)] content: String,
    #[server(default)] location: String,
    #[server(default)] name: String,
    #[server(default)] phone: String,
    #[server(default)] email: String,
    #[server(default)] public_ok: String,
) -> Result<String, AppError> {
    let state = auth::state()?;
    let db = &state.db;
    if !drafts::valid_token(&token) {
        return Err(AppError::BadRequest);
    }
    let input = LetterInput { letter_type, addressee, subject, content, location, name, phone, email, public_ok };
    let letter = match input.validate() {
        Ok(l) => l,
        Err(errors) => return Err(drafts::refuse(db, &token, FORM, "/hotline/write", &input, errors).await),
    };
    if let Some(unit) = letter.addressee {
        if !crate::apply::store::unit_exists(db, unit).await? {
            return Err(drafts::refuse(db, &token, FORM, "/hotline/write", &input, vec![("addressee", Msg::ChooseAddressee)]).await);
        }
    }
    let ip = crate::cases::api::client_ip(&state)?;
    crate::server::throttle::check_submission(db, &ip, state.config.submit_per_address).await?;
    let today = state.today();
    let cal = crate::calendar::store::load(db).await?;
    let due = state.config.letter_limits.due(letter.letter_type, false, today, &cal);
    let filed = store::insert(db, &letter, &token, today, due).await?;
    drafts::delete(db, &token).await?;
    if let Some(code) = &filed.code {
        crate::server::throttle::count_submission(db, &ip, state.config.submit_per_address).await?;
        let session = auth::session().await?;
        let mut codes: Vec<(String, String)> = session.get(LETTER_RECEIPTS).await.map_err(AppError::internal)?.unwrap_or_default();
        codes.retain(|(t, _)| t != filed.tracking.as_str());
        codes.push((filed.tracking.as_str().to_owned(), code.expose().to_owned()));
        if codes.len() > 10 {
            codes.remove(0);
        }
        session.insert(LETTER_RECEIPTS, codes).await.map_err(AppError::internal)?;
        tracing::info!(letter = filed.id, "letter received");
    }
    leptos_axum::redirect(&format!("/hotline/receipt/{}", filed.tracking.as_str()));
    Ok(filed.tracking.display())
}

/// The receipt of a letter written in this browser; anyone else gets "not found".
#[server(endpoint = "hotline/receipt")]
pub async fn get_letter_receipt(tracking: String) -> Result<LetterReceipt, AppError> {
    let state = auth::state()?;
    let t = TrackingNumber::parse(&tracking).map_err(|_| AppError::NotFound)?;
    let session = auth::session().await?;
    let codes: Vec<(String, String)> = session.get(LETTER_RECEIPTS).await.map_err(AppError::internal)?.unwrap_or_default();
    let code = codes.into_iter().find(|(x, _)| x == t.as_str()).map(|(_, c)| c).ok_or(AppError::NotFound)?;
    let row = store::by_tracking(&state.db, &t).await?.ok_or(AppError::NotFound)?;
    let (lookup_url, qr_svg) = crate::apply::api::lookup_link(&state, t.as_str(), &code)?;
    Ok(LetterReceipt {
        tracking: t.display(),
        query_code: code,
        lookup_url,
        qr_svg,
        letter_type: row.letter_type(),
        addressee: row.addressee_name.clone().unwrap_or_default(),
        subject: row.subject.clone(),
        filed_on: row.filed_on.clone(),
        due_on: row.due_on.clone(),
        public_ok: row.public_ok != 0,
    })
}

/// Who is looking at a letter.
#[cfg(feature = "ssr")]
pub enum Viewer<'a> {
    Writer,
    Staff { staff: &'a auth::Staff, desk: bool },
}

#[cfg(feature = "ssr")]
fn route_urgency(state: &AppState, r: &RouteDb, cal: &WorkingDayCalendar) -> Option<Urgency> {
    (r.status() == RouteStatus::Open).then(|| parse_date(&r.due_on).map(|d| urgency(d, state.today(), state.config.yellow_days, cal))).flatten()
}

/// The letter as the writer (masked contact details, public steps) or staff see it.
#[cfg(feature = "ssr")]
pub async fn build_view(state: &AppState, row: LetterDb, viewer: Viewer<'_>) -> Result<LetterView, AppError> {
    let db = &state.db;
    let cal = crate::calendar::store::load(db).await?;
    let routes = store::routes(db, row.id).await?;
    let writer = matches!(viewer, Viewer::Writer);
    let timeline = store::events(db, row.id, writer).await?;
    let status = row.status();
    let routes: Vec<RouteView> = routes
        .iter()
        .map(|r| RouteView {
            id: r.id,
            unit_id: r.unit_id,
            unit_name: r.unit_name.clone(),
            status: r.status(),
            routed_on: r.routed_on.clone(),
            due_on: r.due_on.clone(),
            reply: r.reply.clone(),
            replied_on: r.replied_on.clone(),
            extension_days: if writer { 0 } else { r.extension_days },
            urgency: route_urgency(state, r, &cal),
            mine: match &viewer {
                Viewer::Writer => false,
                Viewer::Staff { staff, .. } => staff.grants.satisfies(Need::UnitWork(Some(r.unit_id))),
            },
        })
        .filter(|r| !writer || r.status != RouteStatus::Returned)
        .collect();
    let urgency = if status.is_pending() {
        parse_date(&row.due_on).map(|d| urgency(d, state.today(), state.config.yellow_days, &cal))
    } else {
        None
    };
    let (desk, personal) = match viewer {
        Viewer::Writer => (false, false),
        Viewer::Staff { desk, .. } => (desk, true),
    };
    Ok(LetterView {
        id: row.id,
        tracking: TrackingNumber::parse(&row.tracking).map(|t| t.display()).unwrap_or_default(),
        letter_type: row.letter_type(),
        urgent: row.urgent != 0,
        addressee: row.addressee_name.clone().unwrap_or_default(),
        subject: row.subject.clone(),
        content: row.content.clone(),
        location: row.location.clone(),
        writer_name: if personal { row.writer_name.clone() } else { mask_name(&row.writer_name) },
        phone: if personal { row.phone.clone() } else { mask_phone(&row.phone) },
        email: if personal { row.email.clone() } else { mask_email(&row.email) },
        public_ok: row.public_ok != 0,
        public_subject: row.public_subject.clone(),
        public_content: row.public_content.clone(),
        status,
        satisfaction: row.satisfaction.as_deref().and_then(Satisfaction::parse),
        can_reopen: row.reopened < MAX_REOPEN,
        merged_into: row.merged_into.as_deref().and_then(|t| TrackingNumber::parse(t).ok()).map(|t| t.display()),
        filed_on: row.filed_on.clone(),
        due_on: row.due_on.clone(),
        answered_on: row.answered_on.clone(),
        urgency,
        routes,
        timeline,
        files: if personal { store::files(db, row.id).await? } else { Vec::new() },
        desk,
        act_token: if personal { drafts::new_token() } else { String::new() },
        route_units: if desk { crate::apply::store::unit_options(db).await? } else { Vec::new() },
    })
}

/// The hotline desk's unit, and whether the staff member works it.
#[cfg(feature = "ssr")]
async fn desk_of(state: &AppState, staff: &auth::Staff) -> Result<bool, AppError> {
    let desk = store::desk_unit(&state.db, state.config.hotline_desk.as_deref()).await?;
    Ok(desk.is_some_and(|d| staff.grants.satisfies(Need::UnitWork(Some(d)))))
}

/// Runs the supervision sweep (催办 when a route turns yellow, 督办 once overdue).
#[cfg(feature = "ssr")]
async fn sweep(state: &AppState, cal: &WorkingDayCalendar) -> Result<(), AppError> {
    let today = state.today();
    store::sweep(&state.db, today, cal.add_working_days(today, state.config.yellow_days)).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
fn queue_row(state: &AppState, r: store::QueueDb, cal: &WorkingDayCalendar) -> LetterRow {
    let status = LetterStatus::parse(&r.status).unwrap_or(LetterStatus::Received);
    let today = state.today();
    let filed = parse_date(&r.filed_on);
    LetterRow {
        id: r.id,
        tracking: TrackingNumber::parse(&r.tracking).map(|t| t.display()).unwrap_or_default(),
        letter_type: LetterType::parse(&r.letter_type).unwrap_or(LetterType::Consult),
        urgent: r.urgent != 0,
        subject: r.subject,
        status,
        units: r.units.unwrap_or_default(),
        urgency: if status.is_pending() { parse_date(&r.due_on).map(|d| urgency(d, today, state.config.yellow_days, cal)) } else { None },
        alarm: status.is_pending() && filed.is_some_and(|f| unanswered_too_long(f, today)),
        filed_on: r.filed_on,
        due_on: r.due_on,
    }
}

/// The staff queue: the desk sees every letter waiting, a unit its own; the three-month alarm
/// is shown to both.
#[server(endpoint = "hotline/queue")]
pub async fn get_letter_queue(closed: Option<String>) -> Result<LetterQueue, AppError> {
    let staff = auth::require(Need::UnitWork(None)).await?;
    let state = auth::state()?;
    let cal = crate::calendar::store::load(&state.db).await?;
    sweep(&state, &cal).await?;
    let desk = desk_of(&state, &staff).await?;
    let units = if desk { None } else { staff.grants.work_units() };
    let rows = store::queue(&state.db, units.as_deref(), closed.as_deref() == Some("1"), 500).await?;
    let mut rows: Vec<LetterRow> = rows.into_iter().map(|r| queue_row(&state, r, &cal)).collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.urgency));
    let count = |u: Urgency| rows.iter().filter(|r| r.urgency == Some(u)).count() as i64;
    let (yellow, red) = (count(Urgency::Yellow), count(Urgency::Red));
    let waiting = rows.iter().filter(|r| r.status == LetterStatus::Received).count() as i64;
    let alarms = alarms(&state, &cal).await?;
    Ok(LetterQueue { desk, rows, waiting, yellow, red, alarms })
}

/// The three-month alarm for the staff dashboard: every valid letter unanswered for more than
/// three months, shown to anyone who works on letters (empty for other staff).
#[server(endpoint = "hotline/alarms")]
pub async fn get_letter_alarms() -> Result<Vec<LetterRow>, AppError> {
    let staff = auth::require(Need::Staff).await?;
    if !staff.grants.satisfies(Need::UnitWork(None)) {
        return Ok(Vec::new());
    }
    let state = auth::state()?;
    let cal = crate::calendar::store::load(&state.db).await?;
    alarms(&state, &cal).await
}

#[cfg(feature = "ssr")]
async fn alarms(state: &AppState, cal: &WorkingDayCalendar) -> Result<Vec<LetterRow>, AppError> {
    let today = state.today();
    Ok(store::old_pending(&state.db, today - time::Duration::days(89))
        .await?
        .into_iter()
        .map(|r| queue_row(state, r, cal))
        .filter(|r| r.alarm)
        .collect())
}

#[cfg(feature = "ssr")]
async fn staff_letter(id: i64) -> Result<(auth::Staff, AppState, LetterDb, bool), AppError> {
    let staff = auth::require(Need::UnitWork(None)).await?;
    let state = auth::state()?;
    let (row, desk) = letter_for_staff(&state, &staff, id).await?;
    Ok((staff, state, row, desk))
}

/// The letter if the staff member works the desk or a unit it was routed to, and whether they
/// work the desk.
#[cfg(feature = "ssr")]
pub async fn letter_for_staff(state: &AppState, staff: &auth::Staff, id: i64) -> Result<(LetterDb, bool), AppError> {
    let row = store::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let desk = desk_of(state, staff).await?;
    if !desk {
        let routes = store::routes(&state.db, id).await?;
        if !routes.iter().any(|r| staff.grants.satisfies(Need::UnitWork(Some(r.unit_id)))) {
            tracing::warn!(staff = staff.id, letter = id, "letter of another unit refused");
            return Err(AppError::Forbidden);
        }
    }
    Ok((row, desk))
}

/// One letter for the desk or a unit it was routed to.
#[server(endpoint = "hotline/detail")]
pub async fn letter_detail(id: i64) -> Result<LetterView, AppError> {
    let (staff, state, row, desk) = staff_letter(id).await?;
    build_view(&state, row, Viewer::Staff { staff: &staff, desk }).await
}

/// One staff step on a letter. Fields a step does not use are ignored.
#[server(endpoint = "hotline/act")]
#[allow(clippy::too_many_arguments)]
pub async fn letter_act(
    id: i64,
    action: String,
    #[server(default)] unit: String,
    #[server(default)] route: String,
    #[server(default)] note: String,
    #[server(default)] days: String,
    #[server(default)] target: String,
    #[server(default)] public_subject: String,
    #[server(default)] public_content: String,
    #[server(default)] urgent: String,
) -> Result<(), AppError> {
    let (staff, state, row, desk) = staff_letter(id).await?;
    let db = &state.db;
    let today = state.today();
    let cal = crate::calendar::store::load(db).await?;
    let step = LetterStep::parse(&action).ok_or_else(|| AppError::invalid("action", Msg::ActionNotOpen))?;
    let long = matches!(step, LetterStep::Answered);
    let note = clean_text(&note, if long { MAX_REPLY } else { MAX_NOTE }, true).map_err(|m| AppError::invalid("note", m))?;
    let desk_only = matches!(
        step,
        LetterStep::Routed | LetterStep::Rejected | LetterStep::Merged | LetterStep::Extended | LetterStep::Reminded | LetterStep::Escalated | LetterStep::Redacted
    );
    if desk_only && !desk {
        return Err(AppError::Forbidden);
    }
    let routes = store::routes(db, id).await?;
    let the_route = || -> Result<&RouteDb, AppError> {
        let rid: i64 = route.trim().parse().map_err(|_| AppError::invalid("route", Msg::ChooseOne))?;
        routes.iter().find(|r| r.id == rid).ok_or_else(|| AppError::invalid("route", Msg::ChooseOne))
    };
    let days_in = |max: u32| -> Result<i64, AppError> {
        days.trim().parse::<u32>().ok().filter(|d| (1..=max).contains(d)).map(i64::from).ok_or_else(|| AppError::invalid("days", Msg::LetterExtensionDays))
    };
    let result = match step {
        LetterStep::Routed => {
            let unit_id: i64 = unit.trim().parse().map_err(|_| AppError::invalid("unit", Msg::ChooseUnit))?;
            if !crate::apply::store::unit_exists(db, unit_id).await? {
                return Err(AppError::invalid("unit", Msg::ChooseUnit));
            }
            // The desk may mark a letter urgent (answered the same working day) when it routes it.
            let urgent = row.urgent != 0 || matches!(urgent.trim(), "1" | "on");
            let due = state.config.letter_limits.due(row.letter_type(), urgent, today, &cal);
            store::route(db, &row, unit_id, urgent, today, due, &note, staff.id).await
        }
        LetterStep::Rejected => {
            if note.is_empty() {
                return Err(AppError::invalid("note", Msg::FieldRequired));
            }
            store::close_at_desk(db, &row, step, None, today, &note, staff.id).await
        }
        LetterStep::Merged => {
            let t = TrackingNumber::parse(&target).map_err(|_| AppError::invalid("target", Msg::MergeTargetInvalid))?;
            let other = store::by_tracking(db, &t)
                .await?
                .filter(|o| o.id != row.id && !matches!(o.status(), LetterStatus::Rejected | LetterStatus::Merged))
                .ok_or_else(|| AppError::invalid("target", Msg::MergeTargetInvalid))?;
            store::close_at_desk(db, &row, step, Some(other.id), today, &t.display(), staff.id).await
        }
        LetterStep::Answered | LetterStep::Returned | LetterStep::ExtensionAsked => {
            let r = the_route()?;
            if !staff.grants.satisfies(Need::UnitWork(Some(r.unit_id))) {
                return Err(AppError::Forbidden);
            }
            if note.is_empty() {
                return Err(AppError::invalid("note", Msg::FieldRequired));
            }
            let d = if step == LetterStep::ExtensionAsked { days_in(MAX_EXTENSION_DAYS)? } else { 0 };
            store::unit_step(db, &row, r, step, &note, d, today, staff.id).await
        }
        LetterStep::Extended => {
            let r = the_route()?;
            let d = days_in(MAX_EXTENSION_DAYS)?;
            let from = parse_date(&r.due_on).unwrap_or(today).max(today);
            let new_due = cal.add_working_days(from, d as u32);
            store::extend(db, &row, r, new_due, d, today, staff.id).await
        }
        LetterStep::Reminded | LetterStep::Escalated => {
            let r = the_route()?;
            match store::supervise(db, row.id, r.id, r.unit_id, step, today, &note, Some(staff.id)).await? {
                true => Ok(()),
                false => Err(StepError::NotOpen),
            }
        }
        LetterStep::Redacted => {
            let s = required(&public_subject, MAX_LETTER_SUBJECT, false).map_err(|m| AppError::invalid("public_subject", m))?;
            let c = required(&public_content, MAX_LETTER_CONTENT, true).map_err(|m| AppError::invalid("public_content", m))?;
            store::redact(db, &row, &s, &c, today, staff.id).await
        }
        _ => return Err(AppError::invalid("action", Msg::ActionNotOpen)),
    };
    match result {
        Ok(()) => {}
        Err(StepError::NotOpen) => return Err(AppError::invalid("action", Msg::ActionNotOpen)),
        Err(StepError::AlreadyRouted) => return Err(AppError::invalid("unit", Msg::AlreadyRouted)),
        Err(StepError::Db(e)) => return Err(e.into()),
    }
    audit::record(db, Some(staff.id), "letter_act", &format!("letter {} {}", row.id, step.as_str())).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/letters/{id}"));
    }
    Ok(())
}

/// The writer rates the reply; unsatisfied (once) sends the letter back to the units.
#[server(endpoint = "hotline/rate")]
pub async fn rate_letter(t: String, c: String, satisfaction: String, #[server(default)] reason: String) -> Result<(), AppError> {
    let state = auth::state()?;
    let row = match crate::cases::api::find_any_for_applicant(&state, &t, &c).await? {
        crate::cases::api::Found::Letter(l) => l,
        crate::cases::api::Found::Case(_) => return Err(AppError::NotFound),
    };
    let s = Satisfaction::parse(&satisfaction).ok_or_else(|| AppError::invalid("satisfaction", Msg::ChooseOne))?;
    let reason = clean_text(&reason, MAX_NOTE, true).map_err(|m| AppError::invalid("reason", m))?;
    let reopen = s == Satisfaction::Unsatisfied && row.reopened < MAX_REOPEN;
    if reopen && reason.is_empty() {
        return Err(AppError::invalid("reason", Msg::UnsatisfiedNeedsReason));
    }
    let today = state.today();
    let cal = crate::calendar::store::load(&state.db).await?;
    let due = state.config.letter_limits.due(row.letter_type(), row.urgent != 0, today, &cal);
    match store::rate(&state.db, &row, s, &reason, reopen, today, due).await {
        Ok(()) => Ok(()),
        Err(StepError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::invalid("satisfaction", Msg::AlreadyRated)),
    }
}

/// Published letters: the writer allowed it and a unit has answered.
#[server(endpoint = "hotline/public")]
pub async fn get_public_letters(q: Option<String>, r#type: Option<String>, unit: Option<String>, page: Option<String>) -> Result<PublicLetters, AppError> {
    let state = auth::state()?;
    let q: String = q.unwrap_or_default().trim().chars().filter(|c| !c.is_control()).take(50).collect();
    let letter_type = r#type.as_deref().and_then(LetterType::parse);
    let unit = unit.and_then(|u| u.trim().parse::<i64>().ok());
    let page = page.and_then(|p| p.trim().parse::<i64>().ok()).unwrap_or(1).clamp(1, 10_000);
    let (total, letters) = store::public_list(&state.db, &state.memo, &q, letter_type, unit, (page - 1) * PAGE_SIZE, PAGE_SIZE).await?;
    let units = state.memo.get_or("letters:units", || store::public_units(&state.db)).await?;
    Ok(PublicLetters { letters, total, page, pages: (total + PAGE_SIZE - 1) / PAGE_SIZE, q, letter_type, unit, units })
}

/// The public monthly statistics (this month by default).
#[server(endpoint = "hotline/stats")]
pub async fn letter_stats(month: Option<String>) -> Result<StatsPage, AppError> {
    let state = auth::state()?;
    let current = Month::of(state.today());
    let month = month.as_deref().and_then(Month::parse).filter(|m| *m <= current).unwrap_or(current);
    let cal = crate::calendar::store::load(&state.db).await?;
    let (letters, routes) = store::stat_rows(&state.db, month).await?;
    Ok(StatsPage { month, current, stats: summarise(&letters, &routes, &cal) })
}
