//! Filing server functions: thin — parse, check, store, answer.

use super::{ApplyForm, MatterList, MatterView, ReceiptView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    crate::cases::store as cases,
    crate::domain::application::{ApplicationInput, CaseKind, validate},
    crate::domain::{TrackingNumber, mask_name},
    crate::i18n::Msg,
    crate::server::{AppState, auth, drafts, throttle},
};

/// Session key holding the query codes of the cases filed in this browser (tracking → code).
#[cfg(feature = "ssr")]
const RECEIPTS: &str = "receipts";

#[cfg(feature = "ssr")]
async fn form(state: &AppState, draft: Option<String>, form_name: &str) -> Result<ApplyForm, AppError> {
    let units = super::store::unit_options(&state.db).await?;
    let today = state.today().to_string();
    if let Some(token) = draft {
        if let Some((values, errors)) = drafts::load::<ApplicationInput>(&state.db, &token, form_name).await? {
            let files = cases::staged_files(&state.db, &token).await?;
            return Ok(ApplyForm { token, units, values, errors, today, files });
        }
    }
    Ok(ApplyForm { token: drafts::new_token(), units, values: ApplicationInput::default(), errors: Vec::new(), today, files: Vec::new() })
}

/// The information-request form; `draft` brings back a refused post.
#[server(endpoint = "apply/form")]
pub async fn get_apply_form(draft: Option<String>) -> Result<ApplyForm, AppError> {
    let state = auth::state()?;
    form(&state, draft, "info").await
}

/// One matter with its filing form.
#[server(endpoint = "apply/matter")]
pub async fn matter_form(id: i64, draft: Option<String>) -> Result<(MatterView, ApplyForm), AppError> {
    let state = auth::state()?;
    let matter = super::store::matter(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let form = form(&state, draft, &format!("matter:{id}")).await?;
    Ok((matter, form))
}

/// The catalogue of matters: by unit, or searched by name.
#[server(endpoint = "apply/matters")]
pub async fn get_matters(unit: Option<i64>, q: Option<String>) -> Result<MatterList, AppError> {
    let state = auth::state()?;
    let query: String = q.unwrap_or_default().trim().chars().filter(|c| !c.is_control()).take(50).collect();
    let units = super::store::matter_units(&state.db).await?;
    let total = units.iter().map(|u| u.matters).sum();
    let online_total = units.iter().map(|u| u.online).sum();
    let unit = unit.filter(|u| units.iter().any(|x| x.id == *u));
    let matters = if unit.is_some() || !query.is_empty() {
        super::store::matters(&state.db, unit, &query, 200).await?
    } else {
        Vec::new()
    };
    Ok(MatterList { units, unit, query, matters, total, online_total })
}

/// Files an information request (`matter` empty) or a service case for a matter. A repeated
/// submission of the same form (same `token`) answers with the first case.
#[server(endpoint = "apply/submit")]
#[allow(clippy::too_many_arguments)]
pub async fn submit_application(
    token: String,
    #[server(default)] matter: String,
    #[server(default)] applicant_type: String,
    #[server(default)] applicant_name: String,
    #[server(default)] org_name: String,
    #[server(default)] id_type: String,
    #[server(default)] id_number: String,
    #[server(default)] phone: String,
    #[server(default)] email: String,
    #[server(default)] address: String,
    #[server(default)] unit_id: String,
    #[server(default)] subject: String,
    #[server(default)] description: String,
    #[server(default)] purpose: String,
    #[server(default)] delivery: String,
) -> Result<String, AppError> {
    let state = auth::state()?;
    let db = &state.db;
    if !drafts::valid_token(&token) {
        return Err(AppError::BadRequest);
    }
    let input = ApplicationInput {
        applicant_type, applicant_name, org_name, id_type, id_number, phone, email, address, unit_id, subject, description,
        purpose, delivery,
    };
    let matter = match matter.trim() {
        "" => None,
        m => {
            let id: i64 = m.parse().map_err(|_| AppError::NotFound)?;
            Some(super::store::matter(db, id).await?.filter(|m| m.online).ok_or(AppError::NotFound)?)
        }
    };
    let (kind, form_name, back) = match &matter {
        None => (CaseKind::Info, "info".to_owned(), "/apply/info".to_owned()),
        Some(m) => (CaseKind::Service, format!("matter:{}", m.id), format!("/apply/matters/{}", m.id)),
    };
    let today = state.today();
    let mut app = match validate(&input, kind == CaseKind::Info, today) {
        Ok(app) => app,
        Err(errors) => return Err(drafts::refuse(db, &token, &form_name, &back, &input, errors).await),
    };
    if let Some(m) = &matter {
        app.unit_id = m.unit_id;
    }
    let ip = crate::cases::api::client_ip(&state)?;
    let cal = crate::calendar::store::load(db).await?;
    let throttle_key = throttle::submission_key(&ip);
    let form = cases::FromForm { throttle_key: &throttle_key, limit: throttle::submissions(state.config.submit_per_address) };
    // The unit and the address's share are checked with the filing itself (one round trip).
    let filed = match cases::insert(db, kind, &app, app.unit_id, matter.as_ref().map(|m| (m.id, m.limit_days)), &token, today, &cal, Some(form)).await {
        Ok(filed) => filed,
        Err(cases::FileError::NoSuchUnit) => {
            return Err(drafts::refuse(db, &token, &form_name, &back, &input, vec![("unit_id", Msg::ChooseUnit)]).await);
        }
        Err(cases::FileError::Throttled) => {
            tracing::warn!("submission refused: too many from one address");
            return Err(AppError::Throttled { msg: Msg::SubmitThrottled });
        }
        Err(cases::FileError::Db(e)) => return Err(e.into()),
    };
    if let Some(code) = &filed.code {
        remember_receipt(filed.tracking.as_str(), code.expose()).await?;
        tracing::info!(case = filed.id, kind = kind.as_str(), "case filed");
    }
    leptos_axum::redirect(&format!("/apply/receipt/{}", filed.tracking.as_str()));
    Ok(filed.tracking.display())
}

/// Keeps the query code in this browser's session, so the receipt can print it.
#[cfg(feature = "ssr")]
async fn remember_receipt(tracking: &str, code: &str) -> Result<(), AppError> {
    let session = auth::session().await?;
    let mut codes: Vec<(String, String)> = session.get(RECEIPTS).await.map_err(AppError::internal)?.unwrap_or_default();
    codes.retain(|(t, _)| t != tracking);
    codes.push((tracking.to_owned(), code.to_owned()));
    if codes.len() > 10 {
        codes.remove(0);
    }
    session.insert(RECEIPTS, codes).await.map_err(AppError::internal)
}

#[cfg(feature = "ssr")]
pub(crate) fn qr_svg(url: &str) -> Result<String, AppError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).map_err(AppError::internal)?;
    let svg = code.render::<svg::Color<'_>>().min_dimensions(160, 160).quiet_zone(true).build();
    // Drop the XML prologue; the SVG is inlined in the page.
    Ok(svg.find("<svg").map(|i| svg[i..].to_owned()).unwrap_or(svg))
}

/// The portal's public address: configured, or from the request.
#[cfg(feature = "ssr")]
pub(crate) fn public_base(state: &AppState) -> String {
    with_context::<axum::http::request::Parts, _>(|p| {
        crate::server::public_base(&state.config, p.headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()))
    })
    .unwrap_or_else(|| crate::server::public_base(&state.config, None))
}

/// The lookup address that opens a receipt's case or letter directly, and its QR code.
#[cfg(feature = "ssr")]
pub fn lookup_link(state: &AppState, tracking: &str, code: &str) -> Result<(String, String), AppError> {
    let url = format!("{}/lookup?t={}&c={}", public_base(state), tracking, code);
    let svg = qr_svg(&url)?;
    Ok((url, svg))
}

/// The receipt of a case filed in this browser. Anyone else gets "not found": the receipt
/// carries the query code and is not a lookup.
#[server(endpoint = "apply/receipt")]
pub async fn get_receipt(tracking: String) -> Result<ReceiptView, AppError> {
    let state = auth::state()?;
    let t = TrackingNumber::parse(&tracking).map_err(|_| AppError::NotFound)?;
    let session = auth::session().await?;
    let codes: Vec<(String, String)> = session.get(RECEIPTS).await.map_err(AppError::internal)?.unwrap_or_default();
    let code = codes.into_iter().find(|(x, _)| x == t.as_str()).map(|(_, c)| c).ok_or(AppError::NotFound)?;
    let row = cases::by_tracking(&state.db, &t).await?.ok_or(AppError::NotFound)?;
    let events = cases::events(&state.db, row.id).await?;
    let cal = crate::calendar::store::load(&state.db).await?;
    let deadline = cases::deadline_of(&row, &events, row.matter_limit, &cal);
    let (lookup_url, qr_svg) = lookup_link(&state, t.as_str(), &code)?;
    Ok(ReceiptView {
        tracking: t.display(),
        qr_svg,
        lookup_url,
        query_code: Some(code),
        kind: row.kind(),
        unit_name: row.unit_name.clone(),
        matter_name: row.matter_name.clone(),
        subject: row.subject.clone(),
        applicant_name: mask_name(&row.applicant_name),
        filed_on: row.filed_on.clone(),
        due_on: row.due_on.clone(),
        deadline,
    })
}
