//! Attachments to letters. While writing, the form's "attach" and "remove" buttons post the whole
//! form as multipart to `/hotline/files`: the typed values are kept as the form's draft and the
//! file under the form's token, and the browser goes back to the form with everything in place
//! (the same with and without JavaScript). Filing the letter moves the files to it. The desk and
//! the units the letter is routed to download them at `/admin/letters/{id}/files/{file}`.

use super::api::{FORM, letter_for_staff};
use super::store;
use crate::cases::files::{read_limited, send_file, stage_or_remove};
use crate::domain::Need;
use crate::domain::letter::{LetterInput, MAX_LETTER_CONTENT};
use crate::server::{AppState, auth, drafts};
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// `POST /hotline/files`: keeps the typed letter, then attaches the chosen file or removes one.
pub async fn stage(State(state): State<AppState>, mp: Multipart) -> Response {
    let p = match read_limited(mp, 20, MAX_LETTER_CONTENT + 100).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    let token = p.get("token");
    if !drafts::valid_token(&token) {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let values = LetterInput {
        letter_type: p.get("letter_type"),
        addressee: p.get("addressee"),
        subject: p.get("subject"),
        content: p.get("content"),
        location: p.get("location"),
        name: p.get("name"),
        phone: p.get("phone"),
        email: p.get("email"),
        public_ok: p.get("public_ok"),
    };
    let back = format!("/hotline/write?draft={token}");
    let stored = async {
        drafts::keep(&state.db, &token, FORM, &values).await?;
        stage_or_remove(&state.db, &token, &p, &back).await
    };
    match stored.await {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(error = %e, "keeping a letter's attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /admin/letters/{id}/files/{file}`: for the desk and the units the letter is routed to.
pub async fn staff_download(State(state): State<AppState>, session: Session, Path((id, file)): Path<(i64, i64)>) -> Response {
    let Some(staff) = auth::session_staff(&state, &session, Need::UnitWork(None)).await else {
        return StatusCode::FORBIDDEN.into_response();
    };
    if letter_for_staff(&state, &staff, id).await.is_err() {
        return StatusCode::FORBIDDEN.into_response();
    }
    match store::file(&state.db, id, file).await {
        Ok(Some((name, mime, data))) => send_file(name, mime, data),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading a letter's attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
