//! Open311 GeoReport v2 for the hotline, so existing 311 clients can file and follow letters.
//!
//! - `GET /open311/v2/services.json`: one service per letter type.
//! - `GET /open311/v2/requests.json`: published letters (filters: `service_request_id`,
//!   `service_code`, `start_date`, `end_date`, `status`; by default the last 90 days, at most
//!   1,000).
//! - `POST /open311/v2/requests.json`: files a letter (`service_code`, `description`,
//!   `first_name`/`last_name`, `phone`, optional `email`, `address_string`, and the extension
//!   `attribute[public]=1` for consent to publication). The answer carries the letter number as
//!   `service_request_id` and, as an extension, the `query_code` that opens it on `/lookup`.
//! - `GET /open311/v2/requests/{id}.json`: one letter's status; its text only when published.
//!
//! Personal data never leaves through this interface. Errors are GeoReport error lists.

use super::store;
use crate::domain::letter::{LetterInput, LetterStatus, LetterType};
use crate::domain::{Locale, TrackingNumber};
use crate::server::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::HashMap;

fn error(status: StatusCode, description: &str) -> Response {
    (status, Json(json!([{ "code": status.as_u16(), "description": description }]))).into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "open311 request failed");
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
}

fn service_description(t: LetterType) -> &'static str {
    match t {
        LetterType::Consult => "咨询政策、办事流程等问题",
        LetterType::Complaint => "投诉行政机关及其工作人员或公共服务问题",
        LetterType::Suggestion => "对政府工作提出意见建议",
        LetterType::Help => "生活中遇到困难请求帮助",
        LetterType::Report => "举报违法违规行为",
    }
}

pub async fn services() -> Response {
    let list: Vec<Value> = LetterType::ALL
        .iter()
        .map(|t| {
            json!({
                "service_code": t.as_str(),
                "service_name": t.msg().text(Locale::Hans),
                "description": service_description(*t),
                "metadata": false,
                "type": "realtime",
                "keywords": "12345",
                "group": "市长热线",
            })
        })
        .collect();
    Json(list).into_response()
}

/// GeoReport's two states: a letter is closed once answered (or ended at the desk).
fn geo_status(s: LetterStatus) -> &'static str {
    if s.is_pending() { "open" } else { "closed" }
}

fn datetime(date: &str) -> String {
    format!("{date}T00:00:00+08:00")
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    tracking: String,
    letter_type: String,
    status: String,
    public_ok: i64,
    public_content: String,
    filed_on: String,
    due_on: String,
    answered_on: Option<String>,
    closed_on: Option<String>,
    units: Option<String>,
}

fn request_json(r: RequestRow) -> Value {
    let status = LetterStatus::parse(&r.status).unwrap_or(LetterStatus::Received);
    let t = LetterType::parse(&r.letter_type).unwrap_or(LetterType::Consult);
    let published = r.public_ok != 0 && matches!(status, LetterStatus::Answered | LetterStatus::Closed);
    let updated = r.closed_on.clone().or(r.answered_on.clone()).unwrap_or_else(|| r.filed_on.clone());
    json!({
        "service_request_id": TrackingNumber::parse(&r.tracking).map(|t| t.display()).unwrap_or(r.tracking),
        "status": geo_status(status),
        "status_notes": status.msg().text(Locale::Hans),
        "service_name": t.msg().text(Locale::Hans),
        "service_code": t.as_str(),
        "description": if published { r.public_content } else { String::new() },
        "agency_responsible": r.units.unwrap_or_default(),
        "service_notice": "",
        "requested_datetime": datetime(&r.filed_on),
        "updated_datetime": datetime(&updated),
        "expected_datetime": datetime(&r.due_on),
        "address": "",
        "media_url": "",
    })
}

const REQUEST_SELECT: &str = "SELECT l.tracking, l.letter_type, l.status, l.public_ok, l.public_content, l.filed_on, l.due_on, \
    l.answered_on, l.closed_on, (SELECT MIN(u.name) FROM letter_routes r JOIN units u ON u.id = r.unit_id WHERE r.letter_id = l.id) AS units \
    FROM letters l";

pub async fn request(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Some(id) = id.strip_suffix(".json") else { return error(StatusCode::NOT_FOUND, "not found") };
    let Ok(t) = TrackingNumber::parse(id) else { return error(StatusCode::NOT_FOUND, "not found") };
    let row: Result<Option<RequestRow>, _> = sqlx::query_as(&format!("{REQUEST_SELECT} WHERE l.tracking = $1 AND l.status NOT IN ('rejected', 'merged')"))
        .bind(t.as_str())
        .fetch_optional(&state.db.pool)
        .await;
    match row {
        Ok(Some(r)) => Json(vec![request_json(r)]).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "not found"),
        Err(e) => internal(e),
    }
}

fn parse_day(s: &str) -> Option<time::Date> {
    // W3C datetimes (`2026-12-01T00:00:00Z`): the date part is what letters carry.
    time::Date::parse(s.get(..10)?, &time::format_description::well_known::Iso8601::DATE).ok()
}

pub async fn requests(State(state): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    let today = state.config.today();
    let end = match q.get("end_date") {
        Some(s) => match parse_day(s) {
            Some(d) => d,
            None => return error(StatusCode::BAD_REQUEST, "end_date is not a W3C date"),
        },
        None => today,
    };
    let start = match q.get("start_date") {
        Some(s) => match parse_day(s) {
            Some(d) => d,
            None => return error(StatusCode::BAD_REQUEST, "start_date is not a W3C date"),
        },
        None => end - time::Duration::days(90),
    };
    let mut sql = crate::server::sql::Sql::default();
    let mut w = vec!["l.public_ok = 1".to_owned(), "l.status NOT IN ('rejected', 'merged')".to_owned()];
    let a = sql.text(start.to_string());
    let b = sql.text(end.to_string());
    w.push(format!("l.filed_on >= {a} AND l.filed_on <= {b}"));
    if let Some(code) = q.get("service_code") {
        let Some(t) = LetterType::parse(code) else { return error(StatusCode::BAD_REQUEST, "unknown service_code") };
        let m = sql.text(t.as_str());
        w.push(format!("l.letter_type = {m}"));
    }
    match q.get("status").map(String::as_str) {
        Some("open") => w.push("l.status IN ('received', 'routed')".into()),
        Some("closed") => w.push("l.status IN ('answered', 'closed')".into()),
        Some(_) => return error(StatusCode::BAD_REQUEST, "status is open or closed"),
        None => {}
    }
    if let Some(ids) = q.get("service_request_id") {
        let ids: Vec<String> = ids.split(',').filter_map(|i| TrackingNumber::parse(i).ok()).map(|t| t.as_str().to_owned()).take(100).collect();
        let marks: Vec<String> = ids.into_iter().map(|i| sql.text(i)).collect();
        w.push(if marks.is_empty() { "1 = 0".into() } else { format!("l.tracking IN ({})", marks.join(", ")) });
    }
    let text = format!("{REQUEST_SELECT} WHERE {} ORDER BY l.filed_on DESC, l.id DESC LIMIT 1000", w.join(" AND "));
    let rows: Result<Vec<RequestRow>, _> = crate::server::sql::bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&state.db.pool).await;
    match rows {
        Ok(rows) => Json(rows.into_iter().map(request_json).collect::<Vec<_>>()).into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct PostRequest {
    #[serde(default)]
    service_code: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    address_string: String,
    #[serde(default, rename = "attribute[public]")]
    public: String,
}

pub async fn create(State(state): State<AppState>, axum::extract::Form(p): axum::extract::Form<PostRequest>) -> Response {
    if LetterType::parse(&p.service_code).is_none() {
        return error(StatusCode::BAD_REQUEST, "service_code: unknown service");
    }
    let description = p.description.trim();
    // GeoReport has no subject: the description's first line, shortened, serves as one.
    let subject: String = description.lines().next().unwrap_or("").chars().take(30).collect();
    let input = LetterInput {
        letter_type: p.service_code.clone(),
        addressee: "mayor".into(),
        subject,
        content: description.to_owned(),
        location: p.address_string.clone(),
        name: format!("{}{}", p.last_name.trim(), p.first_name.trim()),
        phone: p.phone.clone(),
        email: p.email.clone(),
        public_ok: p.public.clone(),
    };
    let letter = match input.validate() {
        Ok(l) => l,
        Err(errors) => {
            let fields: Vec<Value> = errors
                .iter()
                .map(|(f, m)| {
                    let field = match *f {
                        "content" | "subject" => "description",
                        "name" => "last_name",
                        "location" => "address_string",
                        other => other,
                    };
                    json!({ "code": 400, "description": format!("{field}: {}", m.text(Locale::Hans)) })
                })
                .collect();
            return (StatusCode::BAD_REQUEST, Json(fields)).into_response();
        }
    };
    let today = state.config.today();
    let cal = match crate::calendar::store::load(&state.db).await {
        Ok(c) => c,
        Err(e) => return internal(e),
    };
    let due = state.config.letter_limits.due(letter.letter_type, false, today, &cal);
    let key = crate::server::drafts::new_token();
    match store::insert(&state.db, &letter, &key, today, due).await {
        Ok(filed) => {
            tracing::info!(letter = filed.id, "letter received through Open311");
            let body = json!([{
                "service_request_id": filed.tracking.display(),
                "service_notice": format!("请在 {due} 前留意答复"),
                "account_id": null,
                "query_code": filed.code.as_ref().map(|c| c.expose().to_owned()),
            }]);
            (StatusCode::CREATED, Json(body)).into_response()
        }
        Err(e) => internal(e),
    }
}
