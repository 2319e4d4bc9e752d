//! `/prefs`: sets the language and care-mode cookies and returns to the page, so both switches
//! work as plain links with JavaScript off.

use crate::domain::{Locale, Prefs};
use axum::extract::Query;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

#[derive(serde::Deserialize)]
pub struct PrefsQuery {
    lang: Option<String>,
    care: Option<String>,
    back: Option<String>,
}

const ONE_YEAR: u32 = 365 * 24 * 3600;

pub async fn set_prefs(Query(q): Query<PrefsQuery>) -> Response {
    let mut cookies = Vec::new();
    if let Some(locale) = q.lang.as_deref().and_then(Locale::parse) {
        cookies.push(format!("{}={}; Path=/; Max-Age={ONE_YEAR}; SameSite=Lax", Prefs::LANG_COOKIE, locale.tag()));
    }
    match q.care.as_deref() {
        Some("1") => cookies.push(format!("{}=1; Path=/; Max-Age={ONE_YEAR}; SameSite=Lax", Prefs::CARE_COOKIE)),
        Some("0") => cookies.push(format!("{}=0; Path=/; Max-Age={ONE_YEAR}; SameSite=Lax", Prefs::CARE_COOKIE)),
        _ => {}
    }
    let back = safe_back(q.back.as_deref());
    let mut res = (StatusCode::SEE_OTHER, [(header::LOCATION, back)]).into_response();
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(&c) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Only a path on this site: never `//host`, `/\host` or an absolute URL (open redirect).
pub fn safe_back(back: Option<&str>) -> String {
    match back {
        Some(b) if b.starts_with('/') && !b.starts_with("//") && !b.starts_with("/\\") && !b.chars().any(char::is_control) => {
            b.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_link_stays_on_this_site() {
        assert_eq!(safe_back(Some("/catalog?page=2")), "/catalog?page=2");
        assert_eq!(safe_back(Some("//evil.example")), "/");
        assert_eq!(safe_back(Some("/\\evil.example")), "/");
        assert_eq!(safe_back(Some("https://evil.example")), "/");
        assert_eq!(safe_back(Some("/a\r\nSet-Cookie: x=1")), "/");
        assert_eq!(safe_back(None), "/");
    }
}
