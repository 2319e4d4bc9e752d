//! Attachments: plain multipart posts (they work without JavaScript) and downloads with safe
//! headers. Files are recognised by their content, limited in size and number, and stored in the
//! database so that every app server can serve them.

use super::store;
use super::{MAX_FILE_BYTES, clean_file_name, sniff_mime};
use crate::domain::Need;
use crate::server::{AppState, auth, security};
use axum::extract::{ConnectInfo, Multipart, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;
use tower_sessions::Session;

/// Why an upload was refused, carried back to the page in `?file_error=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadError {
    Missing,
    TooBig,
    Type,
    Count,
}

impl UploadError {
    pub fn code(self) -> &'static str {
        match self {
            UploadError::Missing => "missing",
            UploadError::TooBig => "size",
            UploadError::Type => "type",
            UploadError::Count => "count",
        }
    }
}

/// The posted form: text fields and at most one file.
#[derive(Default)]
pub(crate) struct Posted {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
    pub too_big: bool,
}

impl Posted {
    pub(crate) fn get(&self, name: &str) -> String {
        self.fields.iter().find(|f| f.0 == name).map(|f| f.1.clone()).unwrap_or_default()
    }
}

pub(crate) async fn read(mp: Multipart) -> Result<Posted, StatusCode> {
    read_limited(mp, 10, 100).await
}

/// Reads a multipart post: at most `max_fields` text fields of at most `max_chars` characters
/// each (the rest is cut off and checked later like any typed value) and one file.
pub(crate) async fn read_limited(mut mp: Multipart, max_fields: usize, max_chars: usize) -> Result<Posted, StatusCode> {
    let mut p = Posted::default();
    while let Some(mut field) = mp.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = clean_file_name(field.file_name().unwrap_or_default());
            let mut data = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| StatusCode::BAD_REQUEST)? {
                if data.len() + chunk.len() > MAX_FILE_BYTES {
                    p.too_big = true;
                    break;
                }
                data.extend_from_slice(&chunk);
            }
            if !data.is_empty() && !p.too_big {
                p.file = Some((file_name, data));
            }
        } else if p.fields.len() < max_fields {
            let text = field.text().await.map_err(|_| StatusCode::BAD_REQUEST)?;
            p.fields.push((name, text.chars().take(max_chars).collect()));
        }
    }
    Ok(p)
}

/// Why an attachment cannot be taken: too big, missing, or not a recognised type.
pub(crate) fn check(p: &Posted) -> Result<(&str, &[u8], &'static str), UploadError> {
    if p.too_big {
        return Err(UploadError::TooBig);
    }
    let Some((name, data)) = &p.file else { return Err(UploadError::Missing) };
    let mime = sniff_mime(data).ok_or(UploadError::Type)?;
    Ok((name, data, mime))
}

async fn store_file(state: &AppState, case_id: i64, from_staff: bool, p: &Posted) -> Result<(), UploadError> {
    let (name, data, mime) = check(p)?;
    match store::add_file(&state.db, case_id, from_staff, name, mime, data).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(UploadError::Count),
        Err(e) => {
            tracing::error!(error = %e, case = case_id, "storing an attachment failed");
            Err(UploadError::Missing)
        }
    }
}

/// A form's attach or remove button (see `/apply/files` and `/hotline/files`): removes the
/// staged file the post names, or stages the posted file, under the form's token; then back to
/// the form's page `back` (which carries `?draft=<token>`).
pub(crate) async fn stage_or_remove(db: &crate::server::Db, token: &str, p: &Posted, back: &str) -> Result<Response, sqlx::Error> {
    let remove = p.get("remove");
    if !remove.is_empty() {
        let id = remove.parse::<i64>().unwrap_or(0);
        return Ok(match store::unstage_file(db, token, id).await? {
            true => Redirect::to(&format!("{back}&file_removed=1")).into_response(),
            false => back_with(back, Some(UploadError::Missing)),
        });
    }
    let result = match check(p) {
        Ok((name, data, mime)) => match store::stage_file(db, token, name, mime, data).await? {
            true => Ok(()),
            false => Err(UploadError::Count),
        },
        Err(e) => Err(e),
    };
    Ok(back_with(back, result.err()))
}

pub(crate) fn back_with(base: &str, err: Option<UploadError>) -> Response {
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = match err {
        Some(e) => format!("{base}{sep}file_error={}", e.code()),
        None => format!("{base}{sep}file_saved=1"),
    };
    Redirect::to(&url).into_response()
}

fn lookup_url(t: &str, c: &str) -> String {
    format!("/lookup?t={}&c={}", urlencoding::encode(t.trim()), urlencoding::encode(c.trim()))
}

/// `POST /lookup/files`: the applicant adds a file (tracking number and query code in the form).
pub async fn applicant_upload(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    mp: Multipart,
) -> Response {
    let p = match read(mp).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    let (t, c) = (p.get("t"), p.get("c"));
    let ip = security::client_ip(&headers, Some(peer), state.config.trust_proxy);
    let Ok(case) = super::api::find_case_for(&state, &ip, &t, &c).await else {
        return (StatusCode::NOT_FOUND, "受理编号或查询码不正确 / Unknown case").into_response();
    };
    if case.status().is_closed() {
        return back_with(&lookup_url(&t, &c), Some(UploadError::Count));
    }
    back_with(&lookup_url(&t, &c), store_file(&state, case.id, false, &p).await.err())
}

#[derive(serde::Deserialize)]
pub struct LookupQuery {
    #[serde(default)]
    t: String,
    #[serde(default)]
    c: String,
}

pub(crate) fn send_file(name: String, mime: String, data: Vec<u8>) -> Response {
    send_file_cached(name, mime, data, "private, no-store")
}

/// A download that never renders in the portal's origin: `attachment`, a sandboxing CSP, the
/// type recognised from the content.
pub(crate) fn send_file_cached(name: String, mime: String, data: Vec<u8>, cache: &'static str) -> Response {
    let mut res = data.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_str(&mime).unwrap_or(HeaderValue::from_static("application/octet-stream")));
    let disposition = format!("attachment; filename=\"file\"; filename*=UTF-8''{}", urlencoding::encode(&name));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    res
}

/// `GET /lookup/files/{id}?t=&c=`: a file of the applicant's own case.
pub async fn applicant_download(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LookupQuery>,
) -> Response {
    let ip = security::client_ip(&headers, Some(peer), state.config.trust_proxy);
    let Ok(case) = super::api::find_case_for(&state, &ip, &q.t, &q.c).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match store::file(&state.db, id).await {
        Ok(Some((case_id, name, mime, data))) if case_id == case.id => send_file(name, mime, data),
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading an attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The signed-in staff member if they work on cases of `unit`.
async fn staff_for(state: &AppState, session: &Session, unit: i64) -> Option<auth::Staff> {
    let id = session.get::<i64>(auth::SESSION_STAFF_ID).await.ok().flatten()?;
    let staff = auth::load_staff(state, id).await.ok().flatten()?;
    staff.grants.satisfies(Need::UnitWork(Some(unit))).then_some(staff)
}

/// `POST /admin/cases/{id}/files`: an officer adds a file (e.g. the disclosed documents).
pub async fn staff_upload(State(state): State<AppState>, session: Session, Path(id): Path<i64>, mp: Multipart) -> Response {
    let Ok(Some(case)) = store::by_id(&state.db, id).await else { return StatusCode::NOT_FOUND.into_response() };
    let Some(staff) = staff_for(&state, &session, case.unit_id).await else { return StatusCode::FORBIDDEN.into_response() };
    let p = match read(mp).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    let result = store_file(&state, case.id, true, &p).await;
    if result.is_ok() {
        let _ = crate::server::audit::record(&state.db, Some(staff.id), "case_file", &format!("case {id}")).await;
    }
    back_with(&format!("/admin/cases/{id}"), result.err())
}

/// `GET /admin/cases/{id}/files/{file}`: staff of the unit download a file.
pub async fn staff_download(State(state): State<AppState>, session: Session, Path((id, file)): Path<(i64, i64)>) -> Response {
    let Ok(Some(case)) = store::by_id(&state.db, id).await else { return StatusCode::NOT_FOUND.into_response() };
    if staff_for(&state, &session, case.unit_id).await.is_none() {
        return StatusCode::FORBIDDEN.into_response();
    }
    match store::file(&state.db, file).await {
        Ok(Some((case_id, name, mime, data))) if case_id == case.id => send_file(name, mime, data),
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading an attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
