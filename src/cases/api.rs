//! Case server functions: the officers' queue and actions, and the citizen's lookup.

use super::{CaseView, Queue};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::store::{self, ActError, CaseRow, Step},
    super::{ActDraft, AnswerView, QueueCounts, QueueRow},
    crate::domain::application::{Action, AnswerType, ApplicantType, CaseKind, Delivery, IdType, WithholdReason, clean_text, MAX_NOTE},
    crate::domain::supervision::urgency,
    crate::domain::{DeadlineError, Need, QueryCode, TrackingNumber, WorkingDayCalendar, mask_address, mask_document, mask_email, mask_name, mask_phone},
    crate::i18n::Msg,
    crate::server::{AppState, audit, auth, drafts, security, throttle},
};

/// Who is looking at a case.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Viewer {
    /// The applicant, through the lookup (tracking number and query code).
    Applicant,
    /// Staff; `personal` when they belong to the receiving unit.
    Staff { personal: bool },
}

#[cfg(feature = "ssr")]
async fn build_view(state: &AppState, row: CaseRow, viewer: Viewer, cal: &WorkingDayCalendar) -> Result<CaseView, AppError> {
    let parts = store::parts(&state.db, row.id).await?;
    build_view_from(state, row, parts, viewer, cal).await
}

/// [`build_view`] from parts already read.
#[cfg(feature = "ssr")]
async fn build_view_from(state: &AppState, row: CaseRow, parts: store::CaseParts, viewer: Viewer, cal: &WorkingDayCalendar) -> Result<CaseView, AppError> {
    let db = &state.db;
    let store::CaseParts { events, files, rating } = parts;
    let deadline = store::deadline_of(&row, &events, row.matter_limit, cal);
    let kind = row.kind();
    let status = row.status();
    let answer = events.iter().rev().find(|e| e.kind == Action::Answer.as_str()).and_then(|e| {
        let (t, r) = e.code.split_once(':').unwrap_or((&e.code, ""));
        Some(AnswerView { answer_type: AnswerType::parse(t)?, reason: WithholdReason::parse(r), note: e.note.clone(), on_date: e.on_date.clone() })
    });
    let urgency = match (&row.due_on, status.is_closed()) {
        (Some(due), false) => store::parse_date(due).map(|d| urgency(d, state.today(), state.config.yellow_days, cal)),
        _ => None,
    };
    let full = matches!(viewer, Viewer::Staff { personal: true });
    let (open_actions, unit_staff) = match viewer {
        Viewer::Applicant => {
            (Action::Corrected.next(kind, status).map(|_| vec![Action::Corrected]).unwrap_or_default(), Vec::new())
        }
        Viewer::Staff { .. } => (Action::open_to_staff(kind, status), store::unit_staff(db, row.unit_id).await?),
    };
    Ok(CaseView {
        id: if viewer == Viewer::Applicant { 0 } else { row.id },
        kind,
        tracking: TrackingNumber::parse(&row.tracking).map(|t| t.display()).unwrap_or_default(),
        status,
        unit_id: row.unit_id,
        unit_name: row.unit_name.clone(),
        matter_name: row.matter_name.clone(),
        matter_limit_days: row.matter_limit,
        subject: row.subject.clone(),
        description: row.description.clone(),
        purpose: row.purpose.clone(),
        applicant_type: ApplicantType::parse(&row.applicant_type).unwrap_or(ApplicantType::Person),
        applicant_name: if full { row.applicant_name.clone() } else { mask_name(&row.applicant_name) },
        org_name: row.org_name.clone(),
        id_type: IdType::parse(&row.id_type).unwrap_or(IdType::Other),
        id_number: if full { row.id_number.clone() } else { mask_document(&row.id_number) },
        phone: if full { row.phone.clone() } else { mask_phone(&row.phone) },
        email: if full { row.email.clone() } else { mask_email(&row.email) },
        address: if full { row.address.clone() } else { mask_address(&row.address) },
        delivery: Delivery::parse(&row.delivery).unwrap_or(Delivery::Electronic),
        personal_visible: full,
        filed_on: row.filed_on.clone(),
        due_on: row.due_on.clone(),
        closed_on: row.closed_on.clone(),
        deadline,
        urgency,
        assignee: row.assignee_name.clone(),
        timeline: store::timeline(&events, viewer == Viewer::Applicant),
        answer,
        files,
        open_actions,
        unit_staff,
        act_token: String::new(),
        act_draft: None,
        rating: crate::ratings::store::from_row(db, rating, state.today()).await?,
    })
}

/// The signed-in staff member's queue: open cases of their units, the most urgent first.
#[server(endpoint = "cases/queue")]
pub async fn case_queue(closed: Option<String>) -> Result<Queue, AppError> {
    let staff = auth::require(Need::UnitWork(None)).await?;
    let state = auth::state()?;
    let cal = crate::calendar::store::load(&state.db).await?;
    let units = staff.grants.work_units();
    let include_closed = closed.as_deref() == Some("1");
    let rows = store::queue(&state.db, units.as_deref(), include_closed, 500).await?;
    let today = state.today();
    let mut counts = QueueCounts::default();
    let rows = rows
        .into_iter()
        .map(|r| {
            let status = crate::domain::application::CaseStatus::parse(&r.status).unwrap_or(crate::domain::application::CaseStatus::Received);
            let urgency = match (&r.due_on, status.is_closed()) {
                (Some(d), false) => store::parse_date(d).map(|d| urgency(d, today, state.config.yellow_days, &cal)),
                _ => None,
            };
            if !status.is_closed() {
                counts.open += 1;
            }
            match urgency {
                Some(crate::domain::Urgency::Yellow) => counts.yellow += 1,
                Some(crate::domain::Urgency::Red) => counts.red += 1,
                _ => {}
            }
            QueueRow {
                id: r.id,
                kind: CaseKind::parse(&r.kind).unwrap_or(CaseKind::Info),
                tracking: TrackingNumber::parse(&r.tracking).map(|t| t.display()).unwrap_or_default(),
                status,
                unit_name: r.unit_name,
                subject: r.subject,
                applicant_name: mask_name(&r.applicant_name),
                filed_on: r.filed_on,
                due_on: r.due_on,
                urgency,
                assignee: r.assignee,
            }
        })
        .collect::<Vec<_>>();
    let mut rows = rows;
    // Red first, then yellow, then by due date (the store's order).
    rows.sort_by_key(|r| std::cmp::Reverse(r.urgency));
    Ok(Queue { rows, counts, all_units: units.is_none() })
}

#[cfg(feature = "ssr")]
async fn staff_case(id: i64) -> Result<(auth::Staff, AppState, CaseRow), AppError> {
    let staff = auth::require(Need::UnitWork(None)).await?;
    let state = auth::state()?;
    let row = store::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !staff.grants.satisfies(Need::UnitWork(Some(row.unit_id))) {
        tracing::warn!(staff = staff.id, case = id, "case of another unit refused");
        return Err(AppError::Forbidden);
    }
    Ok((staff, state, row))
}

/// One case for its unit's staff; `draft` brings back an action refused without JavaScript.
#[server(endpoint = "cases/detail")]
pub async fn case_detail(id: i64, #[server(default)] draft: Option<String>) -> Result<CaseView, AppError> {
    let (staff, state, row) = staff_case(id).await?;
    let cal = crate::calendar::store::load(&state.db).await?;
    let personal = staff.grants.sees_personal_data_of(row.unit_id);
    let mut view = build_view(&state, row, Viewer::Staff { personal }, &cal).await?;
    if let Some(token) = draft {
        view.act_draft = drafts::load::<ActDraft>(&state.db, &token, &format!("case:{id}")).await?;
    }
    view.act_token = drafts::new_token();
    Ok(view)
}

#[cfg(feature = "ssr")]
fn deadline_msg(e: DeadlineError) -> (&'static str, Msg) {
    match e {
        DeadlineError::CorrectionTooLate { .. } => ("action", Msg::CorrectionTooLate),
        DeadlineError::SecondCorrection => ("action", Msg::SecondCorrection),
        DeadlineError::SecondExtension => ("action", Msg::SecondExtension),
        DeadlineError::ExtensionLength { .. } => ("days", Msg::ExtensionDays),
        DeadlineError::OutOfOrder => ("action", Msg::StepOutOfOrder),
        _ => ("action", Msg::ActionNotOpen),
    }
}

/// One officer action on a case. Fields that an action does not use are ignored. Refused
/// without JavaScript, the form comes back with what was typed (`token`).
#[server(endpoint = "cases/act")]
#[allow(clippy::too_many_arguments)]
pub async fn case_act(
    id: i64,
    action: String,
    #[server(default)] note: String,
    #[server(default)] days: String,
    #[server(default)] answer_type: String,
    #[server(default)] reason: String,
    #[server(default)] assignee: String,
    #[server(default)] token: String,
) -> Result<(), AppError> {
    let posted = ActDraft { action, note, days, answer_type, reason, assignee };
    let result = act(id, posted.clone()).await;
    if !drafts::is_plain_form_post() {
        return result;
    }
    let errors = match result {
        Err(AppError::Fields { errors }) => errors,
        Err(AppError::Invalid { field, msg }) => vec![(field, msg)],
        other => return other,
    };
    let state = auth::state()?;
    Err(drafts::refuse_fields(&state.db, &token, &format!("case:{id}"), &format!("/admin/cases/{id}"), &posted, errors).await)
}

#[cfg(feature = "ssr")]
async fn act(id: i64, posted: ActDraft) -> Result<(), AppError> {
    let ActDraft { action, note, days, answer_type, reason, assignee } = posted;
    let (staff, state, row) = staff_case(id).await?;
    let action = Action::parse(&action).filter(|a| *a != Action::Received && *a != Action::Corrected)
        .ok_or_else(|| AppError::invalid("action", Msg::ActionNotOpen))?;
    let note = clean_text(&note, MAX_NOTE, true).map_err(|m| AppError::invalid("note", m))?;
    let mut code = String::new();
    let mut days_val = None;
    let mut assignee_id = None;
    match action {
        Action::Assign => {
            let who: i64 = assignee.trim().parse().map_err(|_| AppError::invalid("assignee", Msg::ChooseOne))?;
            let unit_staff = store::unit_staff(&state.db, row.unit_id).await?;
            let name = unit_staff.iter().find(|s| s.0 == who).map(|s| s.1.clone()).ok_or_else(|| AppError::invalid("assignee", Msg::ChooseOne))?;
            assignee_id = Some(who);
            code = name;
        }
        Action::Extend => {
            let d: i64 = days.trim().parse().map_err(|_| AppError::invalid("days", Msg::ExtensionDays))?;
            if !(1..=20).contains(&d) {
                return Err(AppError::invalid("days", Msg::ExtensionDays));
            }
            days_val = Some(d);
        }
        Action::Answer => {
            let t = AnswerType::parse(&answer_type).ok_or_else(|| AppError::invalid("answer_type", Msg::ChooseOne))?;
            let r = WithholdReason::parse(&reason);
            if t.needs_withhold_reason() && r.is_none() {
                return Err(AppError::invalid("reason", Msg::ReasonRequired));
            }
            if t.needs_reason() && note.is_empty() {
                return Err(AppError::invalid("note", Msg::AnswerNoteRequired));
            }
            code = match (t.needs_withhold_reason(), r) {
                (true, Some(r)) => format!("{}:{}", t.as_str(), r.as_str()),
                _ => t.as_str().to_owned(),
            };
        }
        _ => {}
    }
    if action.needs_note() && note.is_empty() {
        return Err(AppError::invalid("note", Msg::FieldRequired));
    }
    let cal = crate::calendar::store::load(&state.db).await?;
    let step = Step {
        action,
        on: state.today(),
        days: days_val,
        code: &code,
        note: &note,
        public: action != Action::ConsultStart && action != Action::ConsultEnd,
        staff_id: Some(staff.id),
        assignee: assignee_id,
    };
    match store::act(&state.db, &row, step, &cal).await {
        Ok(_) => {}
        Err(ActError::NotOpen) => return Err(AppError::invalid("action", Msg::ActionNotOpen)),
        Err(ActError::Deadline(e)) => {
            let (f, m) = deadline_msg(e);
            return Err(AppError::invalid(f, m));
        }
        Err(ActError::Db(e)) => return Err(e.into()),
    }
    // The audit log names the case, never the applicant.
    audit::record(&state.db, Some(staff.id), "case_act", &format!("case {} {}", row.id, action.as_str())).await?;
    Ok(())
}

/// Failed lookups per client address, and per tracking number from all addresses.
#[cfg(feature = "ssr")]
pub const LOOKUP_PER_IP: throttle::Limit = throttle::Limit { max: 20, window_secs: 15 * 60 };
#[cfg(feature = "ssr")]
pub const LOOKUP_PER_NUMBER: throttle::Limit = throttle::Limit { max: 100, window_secs: 15 * 60 };

/// What a tracking number and query code open: a case or a hotline letter.
#[cfg(feature = "ssr")]
pub enum Found {
    /// The case with what its view shows, read in the same query.
    Case(Box<(CaseRow, store::CaseParts)>),
    Letter(crate::hotline::store::LetterDb),
}

#[cfg(feature = "ssr")]
pub(crate) fn client_ip(state: &AppState) -> Result<String, AppError> {
    // Read in place: `use_context` would copy the request's headers and extensions.
    with_context::<axum::http::request::Parts, _>(|parts| {
        security::client_ip(&parts.headers, security::peer(&parts.extensions), state.config.trust_proxy)
    })
    .ok_or_else(|| AppError::internal("request parts missing"))
}

/// Finds a case by tracking number and query code, or says — in one neutral message, whatever
/// was wrong — that it cannot.
#[cfg(feature = "ssr")]
pub async fn find_for_applicant(state: &AppState, t: &str, c: &str) -> Result<CaseRow, AppError> {
    find_case_for(state, &client_ip(state)?, t, c).await
}

/// [`find_for_applicant`] for a case or a letter.
#[cfg(feature = "ssr")]
pub async fn find_any_for_applicant(state: &AppState, t: &str, c: &str) -> Result<Found, AppError> {
    find_any_for(state, &client_ip(state)?, t, c).await
}

/// [`find_for_applicant`] for handlers outside Leptos, with the client address given.
#[cfg(feature = "ssr")]
pub async fn find_case_for(state: &AppState, ip: &str, t: &str, c: &str) -> Result<CaseRow, AppError> {
    match find_any_for(state, ip, t, c).await? {
        Found::Case(case) => Ok(case.0),
        Found::Letter(_) => Err(AppError::invalid("c", Msg::LookupNoMatch)),
    }
}

/// The lookup's one door: throttled per address and per number, the code compared in constant
/// time whether or not the number exists.
#[cfg(feature = "ssr")]
pub async fn find_any_for(state: &AppState, ip: &str, t: &str, c: &str) -> Result<Found, AppError> {
    let db = &state.db;
    let ip_key = format!("lookup:ip:{ip}");
    if t.trim().is_empty() {
        return Err(AppError::invalid("t", Msg::FieldRequired));
    }
    if c.trim().is_empty() {
        return Err(AppError::invalid("c", Msg::FieldRequired));
    }
    if state.config.lookup_throttle && throttle::is_blocked(db, &ip_key, LOOKUP_PER_IP).await? {
        return Err(AppError::Throttled { msg: Msg::LookupThrottled });
    }
    let tracking = TrackingNumber::parse(t).ok();
    let code = QueryCode::parse(c).ok();
    let number_key = format!("lookup:t:{}", tracking.as_ref().map(|t| t.as_str()).unwrap_or("invalid"));
    if state.config.lookup_throttle && throttle::is_blocked(db, &number_key, LOOKUP_PER_NUMBER).await? {
        return Err(AppError::Throttled { msg: Msg::LookupThrottled });
    }
    let found = match &tracking {
        Some(t) => match store::by_tracking_with_parts(db, t).await? {
            Some(case) => Some((case.0.code_hash.clone(), Found::Case(Box::new(case)))),
            None => crate::hotline::store::by_tracking(db, t).await?.map(|l| (l.code_hash.clone(), Found::Letter(l))),
        },
        None => None,
    };
    // Compare even when there is no such number, so the answer takes the same time.
    let dummy = "0".repeat(64);
    let matched = match &code {
        Some(code) => store::code_matches(code, found.as_ref().map(|f| f.0.as_str()).unwrap_or(&dummy)) && found.is_some(),
        None => false,
    };
    match found.filter(|_| matched) {
        Some((_, f)) => Ok(f),
        None => {
            if state.config.lookup_throttle {
                throttle::hit(db, &ip_key, LOOKUP_PER_IP).await?;
                throttle::hit(db, &number_key, LOOKUP_PER_NUMBER).await?;
            }
            Err(AppError::invalid("c", Msg::LookupNoMatch))
        }
    }
}

/// The applicant's view of their case.
#[server(endpoint = "lookup/find")]
pub async fn lookup_case(t: String, c: String) -> Result<CaseView, AppError> {
    let state = auth::state()?;
    match find_any_for_applicant(&state, &t, &c).await? {
        Found::Case(case) => applicant_view(&state, *case).await,
        Found::Letter(_) => Err(AppError::invalid("c", Msg::LookupNoMatch)),
    }
}

/// The applicant's view of a case found through the lookup, with its parts.
#[cfg(feature = "ssr")]
pub async fn applicant_view(state: &AppState, case: (CaseRow, store::CaseParts)) -> Result<CaseView, AppError> {
    let cal = crate::calendar::store::load(&state.db).await?;
    let (row, parts) = case;
    build_view_from(state, row, parts, Viewer::Applicant, &cal).await
}

/// The applicant sends the corrected application (补正) the unit asked for; the clock restarts.
#[server(endpoint = "lookup/correct")]
pub async fn submit_correction(t: String, c: String, note: String) -> Result<(), AppError> {
    let state = auth::state()?;
    let row = find_for_applicant(&state, &t, &c).await?;
    let note = match clean_text(&note, MAX_NOTE, true) {
        Ok(n) if !n.is_empty() => n,
        Ok(_) => return Err(AppError::invalid("note", Msg::FieldRequired)),
        Err(m) => return Err(AppError::invalid("note", m)),
    };
    let cal = crate::calendar::store::load(&state.db).await?;
    let step = Step {
        action: Action::Corrected,
        on: state.today(),
        days: None,
        code: "",
        note: &note,
        public: true,
        staff_id: None,
        assignee: None,
    };
    match store::act(&state.db, &row, step, &cal).await {
        Ok(_) => Ok(()),
        Err(ActError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::invalid("note", Msg::ActionNotOpen)),
    }
}
