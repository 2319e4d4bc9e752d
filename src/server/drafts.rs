//! Forms posted without JavaScript that the server refuses come back with every typed value.
//!
//! A plain HTML form post cannot receive the error in place, so the refused values and their
//! errors are kept for a day under the form's random token, and the browser is sent back to the
//! form's page with `?draft=<token>`; the page reads them back and fills the fields. With
//! JavaScript the form stays on the page and none of this is needed.

use super::db::{Db, now};
use crate::error::AppError;
use crate::i18n::Msg;
use serde::{Serialize, de::DeserializeOwned};

/// How long a refused form is kept.
const KEEP_SECS: i64 = 24 * 3600;

/// True when the request is a plain HTML form post (no JavaScript).
pub fn is_plain_form_post() -> bool {
    use leptos::prelude::with_context;
    with_context::<axum::http::request::Parts, _>(|p| {
        p.headers.get(axum::http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
    })
    .unwrap_or(false)
}

/// A random token for one form (also its idempotency key): 128 bits, hex.
pub fn new_token() -> String {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A code people read and type: `len` characters of the alphabet without look-alikes.
pub fn random_code(len: usize) -> String {
    use rand::Rng;
    let alphabet: Vec<char> = crate::domain::survey::INVITE_ALPHABET.chars().collect();
    let mut rng = rand::thread_rng();
    (0..len).map(|_| alphabet[rng.gen_range(0..alphabet.len())]).collect()
}

/// A form token as posted: 32 lowercase hex digits.
pub fn valid_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

#[derive(Serialize, serde::Deserialize)]
struct Stored<T> {
    values: T,
    errors: Vec<(String, Msg)>,
}

/// The error to return from a refused form. For a plain form post the values are saved and the
/// browser is redirected to `back?draft=<token>`.
pub async fn refuse<T: Serialize>(
    db: &Db,
    token: &str,
    form: &str,
    back: &str,
    values: &T,
    errors: Vec<(&'static str, Msg)>,
) -> AppError {
    refuse_fields(db, token, form, back, values, errors.into_iter().map(|(f, m)| (f.to_owned(), m)).collect()).await
}

/// [`refuse`] with the errors as an [`AppError::Fields`] carries them.
pub async fn refuse_fields<T: Serialize>(
    db: &Db,
    token: &str,
    form: &str,
    back: &str,
    values: &T,
    errors: Vec<(String, Msg)>,
) -> AppError {
    if is_plain_form_post() && valid_token(token) {
        if let Err(e) = save(db, token, form, &Stored { values, errors: errors.clone() }).await {
            return AppError::from(e);
        }
        let sep = if back.contains('?') { '&' } else { '?' };
        leptos_axum::redirect(&format!("{back}{sep}draft={token}"));
    }
    AppError::Fields { errors }
}

/// Keeps a form's typed values without errors (the form was posted for another reason, such as
/// attaching a file), so the page shows them again at `?draft=<token>`.
pub async fn keep<T: Serialize>(db: &Db, token: &str, form: &str, values: &T) -> Result<(), sqlx::Error> {
    save(db, token, form, &Stored { values, errors: Vec::new() }).await
}

/// Keeps a refused form posted to a plain axum handler (no server function context): the page
/// shows the values and errors again at `?draft=<token>`.
pub async fn keep_refused<T: Serialize>(db: &Db, token: &str, form: &str, values: &T, errors: Vec<(String, Msg)>) -> Result<(), sqlx::Error> {
    save(db, token, form, &Stored { values, errors }).await
}

async fn save<T: Serialize>(db: &Db, token: &str, form: &str, data: &T) -> Result<(), sqlx::Error> {
    // By name, so that a draft kept across an upgrade still reads back (`i18n::by_name`).
    let json = crate::i18n::by_name(|| serde_json::to_string(data)).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO form_drafts (token, form, data, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (token) DO UPDATE SET form = excluded.form, data = excluded.data, created_at = excluded.created_at",
    )
    .bind(token)
    .bind(form)
    .bind(json)
    .bind(now())
    .execute(&db.pool)
    .await?;
    sqlx::query("DELETE FROM form_drafts WHERE created_at < $1").bind(now() - KEEP_SECS).execute(&db.pool).await?;
    Ok(())
}

/// The values and errors of a refused form, if the token names one of this form's drafts.
pub async fn load<T: DeserializeOwned>(db: &Db, token: &str, form: &str) -> Result<Option<(T, Vec<(String, Msg)>)>, sqlx::Error> {
    if !valid_token(token) {
        return Ok(None);
    }
    let row: Option<(String,)> = sqlx::query_as("SELECT data FROM form_drafts WHERE token = $1 AND form = $2 AND created_at >= $3")
        .bind(token)
        .bind(form)
        .bind(now() - KEEP_SECS)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(|(json,)| serde_json::from_str::<Stored<T>>(&json).ok()).map(|s| (s.values, s.errors)))
}

pub async fn delete(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_drafts WHERE token = $1").bind(token).execute(&db.pool).await?;
    Ok(())
}
