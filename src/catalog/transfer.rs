//! Export of catalog entries as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read
//! the Chinese text), for the staff of the units they work for.

use super::store;
use crate::domain::{Locale, Need};
use crate::server::{AppState, auth};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The columns, in the order of the catalog's standard metadata.
pub const COLUMNS: [&str; 14] =
    ["索引号", "名称", "内容概述", "关键词", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "体裁分类", "服务对象", "有效性", "公开方式", "正文"];

/// Most rows one export holds.
const MAX_ROWS: i64 = 200_000;

/// `GET /admin/catalog/export.csv`: the published entries of the member's units.
pub async fn export(State(state): State<AppState>, session: Session) -> Response {
    let Some(id) = session.get::<i64>(auth::SESSION_STAFF_ID).await.ok().flatten() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(Some(staff)) = auth::load_staff(&state, id).await else { return StatusCode::UNAUTHORIZED.into_response() };
    if !staff.grants.satisfies(Need::UnitWork(None)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let units = staff.grants.work_units();
    let rows = match store::export_rows(&state.db, units.as_deref(), MAX_ROWS).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "catalog export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let l = Locale::Hans;
    let write = || -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
        w.write_record(COLUMNS)?;
        for r in rows {
            let v = r.view(None, Vec::new());
            w.write_record([
                v.index_no.as_str(),
                &v.title,
                &v.summary,
                &v.keywords,
                &v.unit_name,
                &v.doc_no,
                &v.written_on,
                &v.published_on,
                v.topic.msg().text(l),
                v.genre.msg().text(l),
                v.audience.msg().text(l),
                v.validity.msg().text(l),
                v.disclosure.msg().text(l),
                &v.body,
            ])?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    };
    match write() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"catalog.csv\""),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "catalog export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
