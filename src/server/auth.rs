//! The one authorization gate. Every staff server function starts with `require(…)`.

use super::AppState;
use crate::domain::{Grant, Grants, Need, Role};
use crate::error::AppError;
use leptos::prelude::*;
use tower_sessions::Session;

pub const SESSION_STAFF_ID: &str = "staff_id";

/// The signed-in staff member, with the grants loaded fresh from the database on every call so
/// that a revoked role takes effect at once.
#[derive(Clone, Debug)]
pub struct Staff {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub grants: Grants,
}

pub fn state() -> Result<AppState, AppError> {
    // The context is only missing when a render outlives its request (the browser went away while
    // a page was still loading its data): nothing to answer, so a warning rather than an error.
    use_context::<AppState>().ok_or_else(|| {
        tracing::warn!("server function ran without its request context (abandoned render?)");
        AppError::Internal
    })
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| AppError::internal(format!("session layer: {e}")))
}

/// The signed-in staff member, if any.
pub async fn current() -> Result<Option<Staff>, AppError> {
    let state = state()?;
    let session = session().await?;
    let Some(id) = session.get::<i64>(SESSION_STAFF_ID).await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    load_staff(&state, id).await
}

pub async fn load_staff(state: &AppState, id: i64) -> Result<Option<Staff>, AppError> {
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, username, display_name FROM staff WHERE id = $1 AND disabled = 0")
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some((id, username, display_name)) = row else { return Ok(None) };
    let rows: Vec<(String, Option<i64>)> = sqlx::query_as("SELECT role, unit_id FROM staff_roles WHERE staff_id = $1")
        .bind(id)
        .fetch_all(&state.db.pool)
        .await?;
    let grants = rows.into_iter().filter_map(|(r, unit)| Role::parse(&r).map(|role| Grant { role, unit })).collect();
    Ok(Some(Staff { id, username, display_name, grants: Grants(grants) }))
}

/// For plain axum handlers (downloads, form posts): the staff member signed in on `session` if
/// they satisfy `need`.
pub async fn session_staff(state: &AppState, session: &Session, need: Need) -> Option<Staff> {
    let id = session.get::<i64>(SESSION_STAFF_ID).await.ok().flatten()?;
    let staff = load_staff(state, id).await.ok().flatten()?;
    staff.grants.satisfies(need).then_some(staff)
}

/// [`session_staff`] for a plain handler that answers 401 to anonymous callers and 403 to staff
/// without `need`.
pub async fn session_gate(state: &AppState, session: &Session, need: Need) -> Result<Staff, axum::http::StatusCode> {
    let id = session.get::<i64>(SESSION_STAFF_ID).await.ok().flatten().ok_or(axum::http::StatusCode::UNAUTHORIZED)?;
    let staff = load_staff(state, id).await.ok().flatten().ok_or(axum::http::StatusCode::UNAUTHORIZED)?;
    if staff.grants.satisfies(need) { Ok(staff) } else { Err(axum::http::StatusCode::FORBIDDEN) }
}

/// The gate: the signed-in staff member if they satisfy `need`; otherwise 401 or 403.
pub async fn require(need: Need) -> Result<Staff, AppError> {
    match current().await? {
        None => Err(AppError::NotSignedIn),
        Some(staff) if staff.grants.satisfies(need) => Ok(staff),
        Some(staff) => {
            tracing::warn!(staff = staff.id, ?need, "refused by the authorization gate");
            Err(AppError::Forbidden)
        }
    }
}

/// Binds the session to a staff member, with a fresh id against session fixation.
pub async fn sign_in(session: &Session, staff_id: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(SESSION_STAFF_ID, staff_id).await.map_err(AppError::internal)?;
    Ok(())
}

pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(AppError::internal)
}
