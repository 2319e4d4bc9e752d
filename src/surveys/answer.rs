//! `POST /surveys/{id}/answer`: a citizen's answer sheet, posted as a plain HTML form with or
//! without JavaScript (checkbox fields repeat, which a plain form handler reads as they come).
//! A refused sheet goes back to the page with every value and the errors next to the questions.

use super::store::{self, Stored};
use crate::domain::survey::{Phase, ResponseMode, normalise_invite, read_sheet};
use crate::i18n::Msg;
use crate::server::throttle::{self, Limit};
use crate::server::{AppState, drafts, security};
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// The per-browser token: `<random>.<HMAC of it>`, HttpOnly, for a year.
pub const COOKIE: &str = "gk_survey";
const SECRET: &str = "survey_token";
/// More fields than the largest survey can have is not a browser's form.
const MAX_FIELDS: usize = 4000;

/// The draft name of a survey's answer form.
pub fn form_name(survey: i64) -> String {
    format!("survey:{survey}")
}

fn mac(secret: &str, token: &str) -> String {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    m.update(token.as_bytes());
    m.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// The browser's token from its cookie, if the signature is ours.
pub fn browser_token(headers: &HeaderMap, secret: &str) -> Option<String> {
    let value = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(&format!("{COOKIE}=")).map(str::to_owned))?;
    let (token, sig) = value.split_once('.')?;
    (drafts::valid_token(token) && mac(secret, token) == sig).then(|| token.to_owned())
}

/// What is stored for a browser token: its SHA-256, so the table holds nothing a cookie can be
/// rebuilt from.
pub fn browser_key(survey: i64, token: &str) -> String {
    Sha256::digest(format!("{survey}:{token}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The key that survey `id`'s browser has answered, if it carries a token.
pub async fn answered_key(state: &AppState, headers: &HeaderMap, survey: i64) -> Result<Option<String>, sqlx::Error> {
    let secret = store::secret(&state.db, SECRET).await?;
    Ok(browser_token(headers, &secret).map(|t| browser_key(survey, &t)))
}

pub async fn post(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if fields.len() > MAX_FIELDS {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    match answer(&state, id, peer, &headers, fields).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, survey = id, "storing a survey answer failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn answer(state: &AppState, id: i64, peer: SocketAddr, headers: &HeaderMap, fields: Vec<(String, String)>) -> Result<Response, sqlx::Error> {
    let db = &state.db;
    let today = state.today_at(headers);
    let Some(survey) = store::load(db, id, today).await?.filter(|s| s.phase != Phase::Draft) else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let token = field("token");
    if !drafts::valid_token(&token) {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    }
    let secret = store::secret(db, SECRET).await?;
    let (browser, new_cookie) = match browser_token(headers, &secret) {
        Some(t) => (t, None),
        None => {
            let t = drafts::new_token();
            let secure = if state.config.secure_cookies { "; Secure" } else { "" };
            let cookie = format!("{COOKIE}={t}.{}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}", mac(&secret, &t));
            (t, Some(cookie))
        }
    };
    let back = format!("/surveys/{id}?draft={token}");
    let form = form_name(id);
    let sent = Sent { db, token: &token, form: &form, back: &back, fields: &fields, cookie: new_cookie.as_deref() };
    let refuse = |errors: Vec<(String, Msg)>| sent.refuse(errors);
    let one = |f: &str, m: Msg| vec![(f.to_owned(), m)];
    if survey.phase != Phase::Open {
        return refuse(one("form", Msg::SurveyNotOpen)).await;
    }
    let key = (survey.mode == ResponseMode::Once).then(|| browser_key(id, &browser));
    if let Some(k) = &key {
        if store::has_answered(db, id, k).await? {
            return refuse(one("form", Msg::SurveyAlreadyAnswered)).await;
        }
    }
    let ip = security::client_ip(headers, Some(peer), state.config.trust_proxy);
    let limit = Limit { max: state.config.survey_per_address, window_secs: 3600 };
    let throttle_key = format!("survey:{id}:{ip}");
    if throttle::is_blocked(db, &throttle_key, limit).await? {
        return refuse(one("form", Msg::SurveyTooManyFromAddress)).await;
    }
    let mut errors = Vec::new();
    let invite = if survey.invite_only {
        let code = normalise_invite(&field("invite"));
        if code.is_none() {
            errors.push(("invite".to_owned(), Msg::SurveyBadInvite));
        }
        code
    } else {
        None
    };
    let sheet = match read_sheet(&survey.questions, &fields) {
        Ok(sheet) if errors.is_empty() => sheet,
        Ok(_) => return refuse(errors).await,
        Err(e) => {
            errors.extend(e);
            return refuse(errors).await;
        }
    };
    match store::insert_response(db, id, today, key.as_deref(), invite.as_deref(), &sheet).await? {
        Stored::Stored => {}
        Stored::AlreadyAnswered => return refuse(one("form", Msg::SurveyAlreadyAnswered)).await,
        Stored::BadInvite => return refuse(one("invite", Msg::SurveyBadInvite)).await,
        Stored::NotOpen => return refuse(one("form", Msg::SurveyNotOpen)).await,
    }
    throttle::hit(db, &throttle_key, limit).await?;
    drafts::delete(db, &token).await?;
    tracing::info!(survey = id, "survey answered");
    Ok(with_cookie(Redirect::to(&format!("/surveys/{id}/thanks")).into_response(), new_cookie.as_deref()))
}

fn with_cookie(mut res: Response, cookie: Option<&str>) -> Response {
    if let Some(v) = cookie.and_then(|c| HeaderValue::from_str(c).ok()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// A posted sheet, for sending it back refused.
struct Sent<'a> {
    db: &'a crate::server::Db,
    token: &'a str,
    form: &'a str,
    back: &'a str,
    fields: &'a [(String, String)],
    cookie: Option<&'a str>,
}

impl Sent<'_> {
    async fn refuse(&self, errors: Vec<(String, Msg)>) -> Result<Response, sqlx::Error> {
        drafts::keep_refused(self.db, self.token, self.form, &self.fields, errors).await?;
        Ok(with_cookie(Redirect::to(self.back).into_response(), self.cookie))
    }
}
