//! `GET /admin/ratings/export.csv`: every rating with its case, unit, matter, officer and
//! rectification, for evaluators and site administrators (UTF-8 with a BOM, opens in Excel).

use super::store;
use crate::domain::rating::RatingLevel;
use crate::domain::{Locale, Need, Role};
use crate::server::{AppState, auth};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

const MAX_ROWS: i64 = 1_000_000;

const COLUMNS: [&str; 16] = [
    "受理编号", "单位", "事项", "承办人", "评价等级", "计入等级", "办事效率", "服务态度", "办事指南准确性", "便捷程度", "意见建议",
    "评价日期", "已撤销", "整改状态", "整改期限", "整改日期",
];

pub async fn export(State(state): State<AppState>, session: Session) -> Response {
    let id = session.get::<i64>(auth::SESSION_STAFF_ID).await.ok().flatten();
    let staff = match id {
        Some(id) => auth::load_staff(&state, id).await.ok().flatten(),
        None => None,
    };
    let Some(staff) = staff else { return StatusCode::UNAUTHORIZED.into_response() };
    if !staff.grants.satisfies(Need::Role(Role::Evaluator)) && !staff.grants.satisfies(Need::SiteRole(Role::Admin)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let rows = match store::export_rows(&state.db, MAX_ROWS).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "ratings export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let level = |code: &str| RatingLevel::parse(code).map(|l| l.msg().text(Locale::Hans).to_owned()).unwrap_or_default();
    let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let write = || -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
        w.write_record(COLUMNS)?;
        for r in rows {
            w.write_record([
                crate::domain::TrackingNumber::parse(&r.tracking).map(|t| t.display()).unwrap_or(r.tracking),
                r.unit_name,
                r.matter_name.unwrap_or_default(),
                r.staff_name.unwrap_or_default(),
                level(&r.level),
                level(&r.final_level),
                n(r.efficiency),
                n(r.attitude),
                n(r.guide),
                n(r.convenience),
                r.comment,
                r.rated_on,
                if r.removed != 0 { "是".into() } else { String::new() },
                r.rect_state.unwrap_or_default(),
                r.due_on.unwrap_or_default(),
                r.answered_on.unwrap_or_default(),
            ])?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    };
    match write() {
        Ok(bytes) => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8"), (header::CONTENT_DISPOSITION, "attachment; filename=\"ratings.csv\"")],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "ratings export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
