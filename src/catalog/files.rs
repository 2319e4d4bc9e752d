//! Attachments of catalog entries: officers attach files to a draft revision with a plain
//! multipart post (no JavaScript needed); the public downloads the files of the published text.
//! Files are recognised by their content and served as downloads that cannot run in the
//! portal's origin.

use super::store;
use crate::cases::files::{UploadError, back_with, read, send_file_cached};
use crate::cases::sniff_mime;
use crate::domain::{Need, Role};
use crate::server::{AppState, auth};
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// Attachments per revision.
pub const MAX_FILES: i64 = 10;

const OOXML_WORD: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const OOXML_EXCEL: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The type of a catalog attachment, from its first bytes: PDF, PNG and JPEG as for cases, and
/// the office formats government documents come in. Zip- and OLE-based formats look alike, so
/// for those the name's extension picks among the formats that content allows, and nothing else.
pub fn attachment_mime(name: &str, bytes: &[u8]) -> Option<&'static str> {
    if let Some(m) = sniff_mime(bytes) {
        return Some(m);
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext.as_str() {
            "docx" => Some(OOXML_WORD),
            "xlsx" => Some(OOXML_EXCEL),
            "ofd" => Some("application/ofd"),
            _ => None,
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return match ext.as_str() {
            "doc" => Some("application/msword"),
            "xls" => Some("application/vnd.ms-excel"),
            _ => None,
        };
    }
    None
}

/// The signed-in member, the entry's unit and whether they satisfy `need` for it.
async fn member_for(state: &AppState, session: &Session, entry: i64, need: impl Fn(i64) -> Need) -> Result<auth::Staff, StatusCode> {
    let id = session.get::<i64>(auth::SESSION_STAFF_ID).await.ok().flatten().ok_or(StatusCode::FORBIDDEN)?;
    let staff = auth::load_staff(state, id).await.ok().flatten().ok_or(StatusCode::FORBIDDEN)?;
    let row = store::entry(&state.db, entry).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?.ok_or(StatusCode::NOT_FOUND)?;
    if !staff.grants.satisfies(need(row.unit_id)) {
        tracing::warn!(staff = staff.id, entry, "refused: attachment of another unit's entry");
        return Err(StatusCode::FORBIDDEN);
    }
    Ok(staff)
}

/// `POST /admin/catalog/{id}/files`: an officer of the unit attaches a file to the draft.
pub async fn upload(State(state): State<AppState>, session: Session, Path(id): Path<i64>, mp: Multipart) -> Response {
    let staff = match member_for(&state, &session, id, |u| Need::RoleFor(Role::Officer, u)).await {
        Ok(s) => s,
        Err(s) => return s.into_response(),
    };
    let p = match read(mp).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    let back = format!("/admin/catalog/{id}");
    let result = match (&p.file, p.too_big) {
        (_, true) => Err(UploadError::TooBig),
        (None, _) => Err(UploadError::Missing),
        (Some((name, data)), _) => match attachment_mime(name, data) {
            None => Err(UploadError::Type),
            Some(mime) => match store::add_file(&state.db, id, staff.id, name, mime, data).await {
                Ok(true) => {
                    if let Err(e) = crate::server::audit::record(&state.db, Some(staff.id), "catalog_file_add", &format!("entry {id}: {name}")).await {
                        tracing::error!(error = %e, entry = id, "audit record failed");
                    }
                    Ok(())
                }
                Ok(false) => Err(UploadError::Count),
                Err(e) => {
                    tracing::error!(error = %e, entry = id, "storing a catalog attachment failed");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            },
        },
    };
    back_with(&back, result.err())
}

/// `POST /admin/catalog/{id}/files/{file}/remove`: an officer takes a file off the draft.
pub async fn remove(State(state): State<AppState>, session: Session, Path((id, file)): Path<(i64, i64)>) -> Response {
    let staff = match member_for(&state, &session, id, |u| Need::RoleFor(Role::Officer, u)).await {
        Ok(s) => s,
        Err(s) => return s.into_response(),
    };
    match store::remove_file(&state.db, id, staff.id, file).await {
        Ok(true) => {
            if let Err(e) = crate::server::audit::record(&state.db, Some(staff.id), "catalog_file_remove", &format!("entry {id}: file {file}")).await {
                tracing::error!(error = %e, entry = id, "audit record failed");
            }
            axum::response::Redirect::to(&format!("/admin/catalog/{id}?file_removed=1")).into_response()
        }
        Ok(false) => back_with(&format!("/admin/catalog/{id}"), Some(UploadError::Count)),
        Err(e) => {
            tracing::error!(error = %e, entry = id, "removing a catalog attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn send(found: Result<Option<(String, String, Vec<u8>)>, sqlx::Error>, cache: &'static str) -> Response {
    match found {
        Ok(Some((name, mime, data))) => send_file_cached(name, mime, data, cache),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading a catalog attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /admin/catalog/{id}/files/{file}`: the unit's staff download any revision's file.
pub async fn staff_download(State(state): State<AppState>, session: Session, Path((id, file)): Path<(i64, i64)>) -> Response {
    if let Err(s) = member_for(&state, &session, id, |u| Need::UnitWork(Some(u))).await {
        return s.into_response();
    }
    send(store::staff_file(&state.db, id, file).await, "private, no-store")
}

/// `GET /catalog/{id}/files/{file}`: a file of the published text; nothing else exists here.
pub async fn public_download(State(state): State<AppState>, Path((id, file)): Path<(i64, i64)>) -> Response {
    send(store::published_file(&state.db, id, file).await, "public, max-age=300")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_recognised_by_content_and_extension_together() {
        assert_eq!(attachment_mime("x.docx", b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(attachment_mime("方案.DOCX", b"PK\x03\x04rest"), Some(OOXML_WORD));
        assert_eq!(attachment_mime("表.xlsx", b"PK\x03\x04rest"), Some(OOXML_EXCEL));
        assert_eq!(attachment_mime("公文.ofd", b"PK\x03\x04rest"), Some("application/ofd"));
        assert_eq!(attachment_mime("旧.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some("application/msword"));
        // A zip named .pdf, a renamed page, a jar: refused.
        assert_eq!(attachment_mime("x.pdf", b"PK\x03\x04rest"), None);
        assert_eq!(attachment_mime("x.docx", b"<html><script>"), None);
        assert_eq!(attachment_mime("x.jar", b"PK\x03\x04rest"), None);
        assert_eq!(attachment_mime("noext", b"PK\x03\x04rest"), None);
    }
}
