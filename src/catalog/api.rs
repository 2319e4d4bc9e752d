//! Catalog server functions: thin — parse, check the role, call the store.

use super::{CatalogPage, EntryView, GuideView, ImportView, StaffCatalog, StaffEntry};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{CatalogFilter, search, store},
    crate::domain::catalog::{Audience, EntryInput, MAX_REASON, Topic, validate},
    crate::domain::application::clean_text,
    crate::domain::{Need, Role},
    crate::i18n::Msg,
    crate::server::{AppState, audit, auth, drafts},
};

/// Longest guide text accepted.
#[cfg(feature = "ssr")]
const MAX_GUIDE: usize = 50_000;

/// Rich text as stored and shown: only harmless markup survives.
#[cfg(feature = "ssr")]
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default().url_schemes(["http", "https", "mailto"].into()).clean(html).to_string()
}

#[cfg(feature = "ssr")]
fn iso_date(field: &str, raw: &str, errors: &mut Vec<(String, Msg)>) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return String::new();
    }
    match time::Date::parse(raw, time::macros::format_description!("[year]-[month]-[day]")) {
        Ok(d) => d.to_string(),
        Err(_) => {
            errors.push((field.to_owned(), Msg::DateInvalid));
            String::new()
        }
    }
}

/// The public catalog: browse counts, and one page of entries for the filter and search.
#[server(endpoint = "catalog/list")]
pub async fn get_catalog(
    unit: Option<i64>,
    topic: Option<String>,
    audience: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    page: Option<i64>,
) -> Result<CatalogPage, AppError> {
    catalog_page(&auth::state()?, CatalogArgs { unit, topic, audience, from, to, q, page }).await
}

/// A catalog filter as asked for: absent or unreadable parts are `None`.
#[cfg(feature = "ssr")]
#[derive(Debug, Default)]
pub struct CatalogArgs {
    pub unit: Option<i64>,
    pub topic: Option<String>,
    pub audience: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: Option<String>,
    pub page: Option<i64>,
}

/// The public catalog for a filter (`get_catalog`, and the list page's HTML: `super::list`).
/// Unknown units and topics are ignored; a bad date is reported next to its field.
#[cfg(feature = "ssr")]
pub async fn catalog_page(state: &AppState, args: CatalogArgs) -> Result<CatalogPage, AppError> {
    let CatalogArgs { unit, topic, audience, from, to, q, page } = args;
    let db = &state.db;
    // The browse tree's counts change only when something is published or withdrawn: shared
    // for the figures' lifetime (cleared at once by this server's staff writes).
    let (units, topics, audiences, total_published) = state.memo.get_or("catalog:browse", || store::browse_counts(db)).await?;
    let mut errors = Vec::new();
    let q: String = q.unwrap_or_default().chars().filter(|c| !c.is_control()).take(crate::domain::catalog::MAX_QUERY_CHARS).collect();
    let filter = CatalogFilter {
        unit: unit.filter(|u| units.iter().any(|n| n.id == *u)),
        topic: topic.as_deref().and_then(Topic::parse),
        audience: audience.as_deref().and_then(Audience::parse),
        from: iso_date("from", from.as_deref().unwrap_or(""), &mut errors),
        to: iso_date("to", to.as_deref().unwrap_or(""), &mut errors),
        q: q.trim().to_owned(),
        page: page.unwrap_or(1).clamp(1, 10_000),
    };
    let query = search::parse_query(&filter.q);
    let (entries, total, total_capped) = store::list(db, &filter, &query).await?;
    Ok(CatalogPage { filter, units, topics, audiences, total_published, entries, total, total_capped, errors })
}

/// One entry as the public sees it. Drafts do not exist for the public; a withdrawn entry says so.
#[server(endpoint = "catalog/entry")]
pub async fn get_entry(id: i64) -> Result<EntryView, AppError> {
    let state = auth::state()?;
    let row = store::entry(&state.db, id).await?.ok_or(AppError::NotFound)?;
    match row.state() {
        crate::domain::catalog::EntryState::Unpublished => Err(AppError::NotFound),
        crate::domain::catalog::EntryState::Withdrawn => {
            let mut view = row.view(None, Vec::new());
            view.body.clear();
            Ok(view)
        }
        crate::domain::catalog::EntryState::Published => {
            let (successor, replaces) = store::links(&state.db, &row).await?;
            let files = store::published_files(&state.db, id).await?;
            Ok(super::EntryView { files, ..row.view(successor, replaces) })
        }
    }
}

/// A unit's guide to disclosure.
#[server(endpoint = "catalog/guide")]
pub async fn get_guide(unit: i64) -> Result<GuideView, AppError> {
    let state = auth::state()?;
    let unit_name = store::unit_name(&state.db, unit).await?.ok_or(AppError::NotFound)?;
    let (body, updated_on) = store::guide(&state.db, unit).await?.unwrap_or_default();
    Ok(GuideView { unit_id: unit, unit_name, body, updated_on })
}

/// Administrators write a unit's guide.
#[server(endpoint = "catalog/guide_save")]
pub async fn save_guide(unit: i64, body: String) -> Result<(), AppError> {
    let staff = auth::require(Need::SiteRole(Role::Admin)).await?;
    let state = auth::state()?;
    store::unit_name(&state.db, unit).await?.ok_or(AppError::NotFound)?;
    let body = clean_text(&body, MAX_GUIDE, true).map_err(|m| AppError::invalid("body", m))?;
    store::save_guide(&state.db, unit, staff.id, &sanitise(&body)).await?;
    audit::record(&state.db, Some(staff.id), "guide_save", &format!("unit {unit}")).await?;
    leptos_axum::redirect(&format!("/catalog/guide/{unit}"));
    Ok(())
}

/// The staff list: entries of the member's units, by state.
#[server(endpoint = "catalog/staff_list")]
pub async fn get_staff_catalog(show: Option<String>) -> Result<StaffCatalog, AppError> {
    let staff = auth::require(Need::UnitWork(None)).await?;
    let state = auth::state()?;
    let units = staff.grants.work_units();
    let show = show.filter(|s| ["draft", "pending", "returned", "published", "withdrawn"].contains(&s.as_str())).unwrap_or_default();
    let rows = store::staff_list(&state.db, units.as_deref(), &show).await?;
    let pending = store::pending_count(&state.db, units.as_deref()).await?;
    Ok(StaffCatalog { rows, draft_units: draft_units(&state, &staff).await?, pending, show })
}

/// Units the member may draft for: those of their officer grants (all, for a site-wide one).
#[cfg(feature = "ssr")]
async fn draft_units(state: &AppState, staff: &auth::Staff) -> Result<Vec<(i64, String)>, AppError> {
    let all: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM units ORDER BY sort_order, id").fetch_all(&state.db.pool).await?;
    Ok(match staff.grants.units_for(Role::Officer) {
        None => all,
        Some(units) => all.into_iter().filter(|(id, _)| units.contains(id)).collect(),
    })
}

/// The blank (or refused) form for a new entry.
#[server(endpoint = "catalog/new_form")]
pub async fn new_entry_form(draft: Option<String>) -> Result<StaffEntry, AppError> {
    let staff = auth::require(Need::Role(Role::Officer)).await?;
    let state = auth::state()?;
    let units = draft_units(&state, &staff).await?;
    let draft = match draft {
        Some(token) => drafts::load::<(i64, EntryInput)>(&state.db, &token, "entry:new").await?.map(|((u, i), e)| (u, i, e, token)),
        None => None,
    };
    let (unit_id, values, token) = match draft {
        Some((u, i, e, token)) => (u, Some((i, e)), token),
        None => (units.first().map(|u| u.0).unwrap_or(0), None, drafts::new_token()),
    };
    Ok(StaffEntry {
        id: 0,
        unit_id,
        unit_name: String::new(),
        state: crate::domain::catalog::EntryState::Unpublished,
        index_no: String::new(),
        title: String::new(),
        revisions: Vec::new(),
        history: Vec::new(),
        can_edit: true,
        can_review: false,
        draft: values,
        token,
        today: state.today().to_string(),
        draft_units: units,
    })
}

/// Checks an entry's fields and its successor; refused values come back next to their fields.
#[cfg(feature = "ssr")]
async fn checked(
    state: &AppState,
    entry: i64,
    token: &str,
    form: &str,
    back: &str,
    draft: impl serde::Serialize,
    input: &EntryInput,
) -> Result<crate::domain::catalog::Entry, AppError> {
    let mut e = match validate(input, state.today()) {
        Ok(e) => e,
        Err(errors) => return Err(drafts::refuse(&state.db, token, form, back, &draft, errors).await),
    };
    if let Some(s) = &e.successor {
        if store::published_by_index(&state.db, s, entry).await?.is_none() {
            return Err(drafts::refuse(&state.db, token, form, back, &draft, vec![("successor", Msg::SuccessorNotFound)]).await);
        }
    }
    e.body = sanitise(&e.body);
    Ok(e)
}

/// The entry's unit, after checking that the member may work on it at all.
#[cfg(feature = "ssr")]
async fn entry_unit(state: &AppState, id: i64, need: impl Fn(i64) -> Need) -> Result<(auth::Staff, store::EntryRow), AppError> {
    // Signed in first, so that nobody outside learns which drafts exist.
    let staff = auth::require(Need::Staff).await?;
    let row = store::entry(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !staff.grants.satisfies(need(row.unit_id)) {
        tracing::warn!(staff = staff.id, entry = id, "refused: catalog entry of another unit");
        return Err(AppError::Forbidden);
    }
    Ok((staff, row))
}

/// One entry with its revisions and history, for the staff of its unit.
#[server(endpoint = "catalog/staff_entry")]
pub async fn get_staff_entry(id: i64, draft: Option<String>) -> Result<StaffEntry, AppError> {
    let state = auth::state()?;
    let (staff, row) = entry_unit(&state, id, |u| Need::UnitWork(Some(u))).await?;
    let (revisions, history) = store::staff_detail(&state.db, id).await?;
    let draft = match draft {
        Some(token) => drafts::load::<EntryInput>(&state.db, &token, &format!("entry:{id}")).await?.map(|v| (v, token)),
        None => None,
    };
    let (values, token) = match draft {
        Some((v, token)) => (Some(v), token),
        None => (None, drafts::new_token()),
    };
    Ok(StaffEntry {
        id,
        unit_id: row.unit_id,
        state: row.state(),
        index_no: row.index_no.clone().unwrap_or_default(),
        title: revisions.first().map(|r| r.input.title.clone()).unwrap_or_else(|| row.title.clone()),
        unit_name: row.unit_name,
        revisions,
        history,
        can_edit: staff.grants.satisfies(Need::RoleFor(Role::Officer, row.unit_id)),
        can_review: staff.grants.satisfies(Need::RoleFor(Role::Reviewer, row.unit_id)),
        draft: values,
        token,
        today: state.today().to_string(),
        draft_units: Vec::new(),
    })
}

/// An officer saves an entry: a new one (`id` 0) for one of their units, or the open revision of
/// an existing one. Refused values come back next to their fields, with or without JavaScript.
#[server(endpoint = "catalog/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_entry(
    id: i64,
    token: String,
    #[server(default)] unit_id: i64,
    #[server(default)] title: String,
    #[server(default)] summary: String,
    #[server(default)] keywords: String,
    #[server(default)] doc_no: String,
    #[server(default)] written_on: String,
    #[server(default)] topic: String,
    #[server(default)] genre: String,
    #[server(default)] audience: String,
    #[server(default)] validity: String,
    #[server(default)] successor: String,
    #[server(default)] disclosure: String,
    #[server(default)] body: String,
) -> Result<i64, AppError> {
    let state = auth::state()?;
    let input =
        EntryInput { title, summary, keywords, doc_no, written_on, topic, genre, audience, validity, successor, disclosure, body };
    if id == 0 {
        let staff = auth::require(Need::RoleFor(Role::Officer, unit_id)).await?;
        store::unit_name(&state.db, unit_id).await?.ok_or(AppError::NotFound)?;
        let e = checked(&state, 0, &token, "entry:new", "/admin/catalog/new", (unit_id, &input), &input).await?;
        let id = store::create(&state.db, unit_id, staff.id, &e).await?;
        drafts::delete(&state.db, &token).await?;
        audit::record(&state.db, Some(staff.id), "catalog_create", &format!("entry {id}")).await?;
        leptos_axum::redirect(&format!("/admin/catalog/{id}?saved=1"));
        return Ok(id);
    }
    let (staff, _) = entry_unit(&state, id, |u| Need::RoleFor(Role::Officer, u)).await?;
    let back = format!("/admin/catalog/{id}");
    let e = checked(&state, id, &token, &format!("entry:{id}"), &back, &input, &input).await?;
    store::save(&state.db, id, staff.id, &e).await?;
    drafts::delete(&state.db, &token).await?;
    leptos_axum::redirect(&format!("{back}?saved=1"));
    Ok(id)
}

/// One workflow step: `submit` and `revise` (officers), `return`, `approve` and `withdraw`
/// (reviewers). `note` is the reviewer's comment or the reason for withdrawal.
#[server(endpoint = "catalog/act")]
pub async fn act_on_entry(id: i64, action: String, #[server(default)] note: String) -> Result<(), AppError> {
    let state = auth::state()?;
    let db = &state.db;
    let officer = |u| Need::RoleFor(Role::Officer, u);
    let reviewer = |u| Need::RoleFor(Role::Reviewer, u);
    // Signed in before anything about the request is judged: a stranger learns nothing from it.
    auth::require(Need::Staff).await?;
    let note = clean_text(&note, MAX_REASON, true).map_err(|m| AppError::invalid("note", m))?;
    let staff = match action.as_str() {
        "submit" | "revise" => entry_unit(&state, id, officer).await?.0,
        "return" | "approve" | "withdraw" => entry_unit(&state, id, reviewer).await?.0,
        _ => return Err(AppError::BadRequest),
    };
    match action.as_str() {
        "submit" => store::submit(db, id, staff.id).await?,
        "revise" => store::start_revision(db, id, staff.id).await?,
        "return" if note.is_empty() => return Err(AppError::invalid("note", Msg::ReturnNeedsNote)),
        "return" => store::return_to_officer(db, id, staff.id, &note).await?,
        "withdraw" if note.is_empty() => return Err(AppError::invalid("note", Msg::WithdrawNeedsReason)),
        "withdraw" => store::withdraw(db, id, staff.id, &note).await?,
        _ => {
            // 内部审核: the reviewer is someone other than the revision's author.
            if store::pending_author(db, id).await? == Some(staff.id) {
                return Err(AppError::invalid("action", Msg::ReviewOwnDraft));
            }
            store::approve(db, id, staff.id, state.today(), &state.config.index_pattern).await?;
        }
    }
    audit::record(db, Some(staff.id), "catalog_act", &format!("entry {id} {action}")).await?;
    leptos_axum::redirect(&format!("/admin/catalog/{id}"));
    Ok(())
}

/// An import's progress and report, for the member who started it.
#[server(endpoint = "catalog/import_status")]
pub async fn import_status(id: i64) -> Result<ImportView, AppError> {
    let staff = auth::require(Need::Staff).await?;
    let state = auth::state()?;
    super::transfer::view(&state, &staff, id).await?.ok_or(AppError::NotFound)
}
