//! Attaching files while filing. The filing form posts to a server function, which takes no
//! files; its "upload" and "remove" buttons post the whole form instead, as multipart, to
//! `/apply/files`. The typed values are kept as a draft under the form's token, the file is kept
//! under the same token, and the browser goes back to the form with everything in place. The
//! files become the case's when the form is filed. Works the same with and without JavaScript.

use crate::cases::files::{read_limited, stage_or_remove};
use crate::domain::application::ApplicationInput;
use crate::server::{AppState, drafts};
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// The form's name for its draft and the page it lives on.
pub fn form_target(matter: &str) -> Option<(String, String)> {
    match matter.trim() {
        "" => Some(("info".into(), "/apply/info".into())),
        m => m.parse::<i64>().ok().filter(|id| *id > 0).map(|id| (format!("matter:{id}"), format!("/apply/matters/{id}"))),
    }
}

/// `POST /apply/files`: keeps the typed values, then attaches the chosen file or removes one.
pub async fn stage(State(state): State<AppState>, mp: Multipart) -> Response {
    // Every field of the form, each no longer than the longest the form allows.
    let p = match read_limited(mp, 40, 2000).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    let token = p.get("token");
    let Some((form, page)) = form_target(&p.get("matter")).filter(|_| drafts::valid_token(&token)) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let values = ApplicationInput {
        applicant_type: p.get("applicant_type"),
        applicant_name: p.get("applicant_name"),
        org_name: p.get("org_name"),
        id_type: p.get("id_type"),
        id_number: p.get("id_number"),
        phone: p.get("phone"),
        email: p.get("email"),
        address: p.get("address"),
        unit_id: p.get("unit_id"),
        subject: p.get("subject"),
        description: p.get("description"),
        purpose: p.get("purpose"),
        delivery: p.get("delivery"),
    };
    let back = format!("{page}?draft={token}");
    let stored = async {
        drafts::keep(&state.db, &token, &form, &values).await?;
        stage_or_remove(&state.db, &token, &p, &back).await
    };
    match stored.await {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(error = %e, "keeping a filing form's attachment failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::form_target;

    #[test]
    fn a_form_is_an_information_request_or_a_matter() {
        assert_eq!(form_target(""), Some(("info".into(), "/apply/info".into())));
        assert_eq!(form_target("12"), Some(("matter:12".into(), "/apply/matters/12".into())));
        assert_eq!(form_target("-1"), None);
        assert_eq!(form_target("../x"), None);
    }
}
