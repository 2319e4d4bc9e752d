//! `GET /admin/ratings/export.csv|.xlsx`: every rating — of cases, at service windows and of
//! hotline letters — with its unit, matter, officer and rectification, for evaluators and site
//! administrators.

use super::store;
use crate::domain::rating::RatingLevel;
use crate::domain::{Locale, Need};
use crate::i18n::Msg;
use crate::server::sheet::{CSV, XLSX, csv_bytes, download, xlsx_bytes};
use crate::server::{AppState, auth};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

const MAX_ROWS: i64 = 1_000_000;

const COLUMNS: [&str; 17] = [
    "渠道", "编号", "单位", "事项", "承办人", "评价等级", "计入等级", "办事效率", "服务态度", "办事指南准确性", "便捷程度", "意见建议",
    "评价日期", "已撤销", "整改状态", "整改期限", "整改日期",
];

/// The header row and one row per rating (a letter once per unit that answered it), as text.
pub fn table(rows: Vec<store::ExportRow>) -> (Vec<String>, Vec<Vec<String>>) {
    let level = |code: &str| RatingLevel::parse(code).map(|l| l.msg().text(Locale::Hans).to_owned()).unwrap_or_default();
    let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let channel = |c: &str| match c {
        "case" => Msg::RatingChannelCase,
        "window" => Msg::RatingChannelWindow,
        _ => Msg::RatingChannelLetter,
    };
    let rect = |s: Option<String>| match s.as_deref().map(super::RectState::parse) {
        Some(s) => s.msg().text(Locale::Hans).to_owned(),
        None => String::new(),
    };
    let body = rows
        .into_iter()
        .map(|r| {
            vec![
                channel(&r.channel).text(Locale::Hans).to_owned(),
                crate::domain::TrackingNumber::parse(&r.reference).map(|t| t.display()).unwrap_or(r.reference),
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
                rect(r.rect_state),
                r.due_on.unwrap_or_default(),
                r.answered_on.unwrap_or_default(),
            ]
        })
        .collect();
    (COLUMNS.iter().map(|c| (*c).to_owned()).collect(), body)
}

pub async fn csv(State(state): State<AppState>, session: Session) -> Response {
    export(state, session, false).await
}

pub async fn xlsx(State(state): State<AppState>, session: Session) -> Response {
    export(state, session, true).await
}

async fn export(state: AppState, session: Session, xlsx: bool) -> Response {
    if let Err(status) = auth::session_gate(&state, &session, Need::Evaluation).await {
        return status.into_response();
    }
    let built = async {
        let (head, rows) = table(store::export_rows(&state.db, MAX_ROWS).await?);
        Ok::<_, anyhow::Error>(if !xlsx {
            download(csv_bytes(&head, &rows)?, CSV, "ratings.csv".into())
        } else {
            download(xlsx_bytes("好差评", &head, &rows)?, XLSX, "ratings.xlsx".into())
        })
    };
    match built.await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "ratings export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
