//! A short-lived cache of rendered public pages (a "micro-cache"): during a rush the home page,
//! the catalog, an entry or the letters list is rendered once per `GONGKAI_PAGE_CACHE_MS`
//! (2 s by default) and language/care-mode combination, and served from memory in between.
//!
//! - Only anonymous GETs of public pages are cached: a request with any cookie besides the
//!   language and care-mode preferences (a staff or citizen session, the test clock) is
//!   rendered afresh, so staff and a citizen who just filed always see their own writes.
//! - Only complete `200 text/html` answers without `Set-Cookie`, carrying the page's nonce policy,
//!   are kept (see [`keepable`]).
//! - Every answer from the cache gets a fresh CSP nonce: the old nonce is replaced in the body
//!   and in the `Content-Security-Policy` header.
//! - A successful write by staff clears this server's cache at once; other app servers over the
//!   same database show it within the lifetime.
//! - When a page has expired, one request renders it afresh while the others are served the
//!   expired copy (up to [`STALE_FOR`] old), so a rush never waits on a pile of identical renders.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::domain::Prefs;

/// Pages larger than this are not kept.
const MAX_BODY: usize = 512 * 1024;
/// Pages kept at most (about 20 MB of HTML at the catalog's size).
const MAX_PAGES: usize = 512;
/// How long past its lifetime a page may still be served while one request renders it afresh.
const STALE_FOR: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct PageCache(Option<Arc<Inner>>, super::memo::Memo);

struct Inner {
    ttl: Duration,
    pages: Mutex<HashMap<String, Page>>,
}

struct Page {
    at: Instant,
    /// A request is rendering this page afresh (see [`Refresh`]).
    refreshing: bool,
    headers: HeaderMap,
    body: Bytes,
    nonce: Option<String>,
}

impl PageCache {
    /// A cache keeping pages for `ttl`; none at all when `ttl` is zero. `memo` (the figures behind
    /// the pages) is cleared with it, even when pages are not kept.
    pub fn new(ttl: Duration, memo: super::memo::Memo) -> PageCache {
        PageCache((!ttl.is_zero()).then(|| Arc::new(Inner { ttl, pages: Mutex::default() })), memo)
    }

    fn clear(&self) {
        self.1.clear();
        if let Some(inner) = &self.0 {
            inner.pages.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }
}

/// The public pages worth caching: the home page, the catalog and its entries, the published
/// letters, the ratings and the live board.
fn cacheable_path(path: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit());
    match path {
        "/" | "/catalog" | "/hotline" | "/ratings" | "/lookup/board" => true,
        _ => path.strip_prefix("/catalog/").is_some_and(digits),
    }
}

/// The cache key for an anonymous request, or `None` when the request must be rendered afresh.
fn key(req: &Request) -> Option<String> {
    if req.method() != Method::GET || !cacheable_path(req.uri().path()) {
        return None;
    }
    let cookies: Vec<&str> = req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    let cookies = cookies.join("; ");
    let only_prefs = cookies
        .split(';')
        .filter_map(|c| c.split_once('=').map(|(name, _)| name.trim()).or(Some(c.trim())).filter(|n| !n.is_empty()))
        .all(|name| name == Prefs::LANG_COOKIE || name == Prefs::CARE_COOKIE);
    if !only_prefs {
        return None;
    }
    let prefs = Prefs::from_cookie_header(&cookies);
    Some(format!("{}|{}|{}", req.uri(), prefs.locale.tag(), u8::from(prefs.care)))
}

/// The nonce the page's scripts carry, read from its CSP header.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let csp = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let start = csp.find("'nonce-")? + "'nonce-".len();
    let len = csp[start..].find('\'')?;
    Some(csp[start..start + len].to_owned())
}

fn fresh_nonce() -> String {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The cached page as a new answer with its own nonce.
fn serve(page: &Page) -> Response {
    let mut headers = page.headers.clone();
    let body = match &page.nonce {
        Some(old) => {
            let new = fresh_nonce();
            let mut out = Vec::with_capacity(page.body.len() + 64);
            let mut rest: &[u8] = &page.body;
            let finder = memchr::memmem::Finder::new(old.as_bytes());
            while let Some(i) = finder.find(rest) {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new.as_bytes());
                rest = &rest[i + old.len()..];
            }
            out.extend_from_slice(rest);
            if let Some(csp) = headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()) {
                if let Ok(v) = HeaderValue::from_str(&csp.replace(old.as_str(), &new)) {
                    headers.insert(header::CONTENT_SECURITY_POLICY, v);
                }
            }
            Bytes::from(out)
        }
        None => page.body.clone(),
    };
    headers.insert("x-page-cache", HeaderValue::from_static("hit"));
    let mut res = Response::new(Body::from(body));
    *res.headers_mut() = headers;
    res
}

/// Whether an answer may be kept: a complete `200 text/html` page without `Set-Cookie`, carrying
/// the nonce policy our shell gives every page it renders for its request. Under concurrent load
/// a render has been seen to come out with another request's context (and without its own
/// policy); such a page is passed on but never kept for other readers.
fn keepable(res: &Response) -> bool {
    let html = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    res.status() == StatusCode::OK && html && !res.headers().contains_key(header::SET_COOKIE) && nonce_of(res.headers()).is_some()
}

/// Marks an expired page as being rendered afresh; the mark goes when the render ends, however it
/// ends (an error, or the client going away and the request being dropped).
struct Refresh {
    inner: Arc<Inner>,
    key: String,
}

impl Drop for Refresh {
    fn drop(&mut self) {
        if let Some(page) = self.inner.pages.lock().unwrap_or_else(|e| e.into_inner()).get_mut(&self.key) {
            page.refreshing = false;
        }
    }
}

/// The middleware (see the module's notes).
pub async fn layer(State(cache): State<PageCache>, req: Request, next: Next) -> Response {
    let Some((inner, key)) = cache.0.clone().and_then(|inner| key(&req).map(|k| (inner, k))) else {
        let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
        let staff = req.headers().get_all(header::COOKIE).iter().any(|v| v.to_str().is_ok_and(|c| c.contains("gk_sid=")));
        let res = next.run(req).await;
        if write && staff && (res.status().is_success() || res.status().is_redirection()) {
            cache.clear();
        }
        return res;
    };
    let _refresh = {
        let mut pages = inner.pages.lock().unwrap_or_else(|e| e.into_inner());
        match pages.get_mut(&key) {
            Some(page) if page.at.elapsed() < inner.ttl => return serve(page),
            Some(page) if page.refreshing && page.at.elapsed() < inner.ttl + STALE_FOR => return serve(page),
            Some(page) => {
                page.refreshing = true;
                Some(Refresh { inner: inner.clone(), key: key.clone() })
            }
            None => None,
        }
    };
    let res = next.run(req).await;
    if !keepable(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 64 * MAX_BODY).await else {
        // The page failed while it was rendered: the reader may try again.
        return Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .header(header::RETRY_AFTER, "2")
            .body(Body::empty())
            .unwrap_or_default();
    };
    if body.len() > MAX_BODY {
        return Response::from_parts(parts, Body::from(body));
    }
    let mut headers = parts.headers.clone();
    headers.remove(header::CONTENT_LENGTH);
    let page = Page { at: Instant::now(), refreshing: false, nonce: nonce_of(&headers), headers, body: body.clone() };
    {
        let mut pages = inner.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= MAX_PAGES {
            let ttl = inner.ttl;
            pages.retain(|_, p| p.at.elapsed() < ttl);
            if pages.len() >= MAX_PAGES {
                pages.clear();
            }
        }
        pages.insert(key, page);
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(uri: &str, cookie: Option<&str>) -> Request {
        let mut b = Request::builder().uri(uri);
        if let Some(c) = cookie {
            b = b.header(header::COOKIE, c);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_anonymous_gets_of_public_pages_have_a_key() {
        assert!(key(&get("/catalog?q=医疗", None)).is_some());
        assert!(key(&get("/catalog/123", Some("lang=en; care=1"))).is_some());
        assert!(key(&get("/catalog/guide/3", None)).is_none());
        assert!(key(&get("/admin", None)).is_none());
        assert!(key(&get("/catalog", Some("gk_sid=abc"))).is_none());
        assert!(key(&get("/catalog", Some("lang=en; gk_test_today=2026-12-01"))).is_none());
        assert_ne!(key(&get("/", Some("lang=en"))), key(&get("/", Some("lang=zh-Hant"))));
        assert_ne!(key(&get("/", Some("care=1"))), key(&get("/", None)));
    }

    #[test]
    fn only_our_own_complete_pages_are_kept() {
        let page = |status: StatusCode, ty: &'static str, csp: Option<&'static str>, cookie: bool| {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = status;
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ty));
            if let Some(csp) = csp {
                res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
            }
            if cookie {
                res.headers_mut().insert(header::SET_COOKIE, HeaderValue::from_static("lang=en"));
            }
            res
        };
        let ours = Some("default-src 'self'; script-src 'nonce-AbC123' 'strict-dynamic'");
        assert!(keepable(&page(StatusCode::OK, "text/html; charset=utf-8", ours, false)));
        assert!(!keepable(&page(StatusCode::OK, "text/html; charset=utf-8", Some("frame-ancestors 'none'"), false)));
        assert!(!keepable(&page(StatusCode::OK, "text/html; charset=utf-8", None, false)));
        assert!(!keepable(&page(StatusCode::OK, "text/html; charset=utf-8", ours, true)));
        assert!(!keepable(&page(StatusCode::NOT_FOUND, "text/html; charset=utf-8", ours, false)));
        assert!(!keepable(&page(StatusCode::OK, "application/json", ours, false)));
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'self'; script-src 'nonce-AbC123' 'strict-dynamic'"));
        assert_eq!(nonce_of(&h).as_deref(), Some("AbC123"));
    }
}
