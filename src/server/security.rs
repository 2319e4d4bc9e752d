//! Request-level protections: cross-site request forgery, client addresses, response headers.

use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};


/// Refuses state-changing requests that a browser says come from another site.
///
/// Session cookies are `SameSite=Lax` as well; this is the second layer. Browsers send
/// `Sec-Fetch-Site` and `Origin` on every cross-origin POST, so a request that has neither
/// comes from a non-browser client, which cannot carry a victim's cookies.
pub async fn origin_guard(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) || same_origin(req.headers()) {
        return next.run(req).await;
    }
    tracing::warn!(path = %req.uri().path(), "cross-site request refused");
    (StatusCode::FORBIDDEN, "跨站请求已被拒绝 / Cross-site request refused").into_response()
}

fn same_origin(headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (get("origin"), get("host")) {
        (Some("null"), _) => false,
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, h)| h) == Some(host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The client's address: the socket peer, or the first `X-Forwarded-For` hop when the server is
/// configured to sit behind a trusted proxy.
pub fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, trust_proxy: bool) -> String {
    if trust_proxy {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse::<IpAddr>().ok());
        if let Some(ip) = forwarded {
            return ip.to_string();
        }
    }
    peer.map(|p| p.ip().to_string()).unwrap_or_else(|| "unknown".into())
}

/// Admission control: up to `max` requests are served at once; the next ones wait in line, at
/// most `queued` of them and each for at most `wait`. A request that finds the line full, or is
/// still waiting when its time is up, is answered 503 with `Retry-After`, so under a deadline-day
/// rush every request gets an answer in bounded time instead of queueing until clients give up.
#[derive(Clone)]
pub struct InFlight {
    permits: std::sync::Arc<tokio::sync::Semaphore>,
    waiting: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    queued: usize,
    wait: std::time::Duration,
}

impl InFlight {
    pub fn new(max: usize, queued: usize, wait: std::time::Duration) -> InFlight {
        InFlight {
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(max)),
            waiting: std::sync::Arc::default(),
            queued,
            wait,
        }
    }

    /// A permit to serve now, or after waiting in line; `None` when the request must be shed.
    async fn admit(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        use std::sync::atomic::Ordering;
        if let Ok(permit) = self.permits.try_acquire() {
            return Some(permit);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.queued {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        let permit = tokio::time::timeout(self.wait, self.permits.acquire()).await.ok().and_then(Result::ok);
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        permit
    }
}

/// Sheds load past the admission limits (see [`InFlight`]). The health check is never shed.
pub async fn shed(axum::extract::State(limit): axum::extract::State<InFlight>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/healthz" {
        return next.run(req).await;
    }
    match limit.admit().await {
        Some(_permit) => next.run(req).await,
        None => {
            tracing::debug!(path = %req.uri().path(), "overloaded: request shed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "2"), (header::CACHE_CONTROL, "no-store")],
                "服务繁忙，请稍后再试 / The portal is busy, please try again in a moment",
            )
                .into_response()
        }
    }
}

/// The answer to a request whose handler panicked.
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = err.downcast_ref::<String>().map(String::as_str).or_else(|| err.downcast_ref::<&str>().copied()).unwrap_or("?");
    tracing::error!(panic = what, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CACHE_CONTROL, "no-store")],
        "服务出现错误，请稍后再试 / Something went wrong, please try again later",
    )
        .into_response()
}

/// The policy of a rendered page: scripts only with the page's nonce (and what they load), the
/// WebAssembly module compiled, nothing framed, forms posted only here. Styles allow attributes
/// (chart bars); images allow `data:` (inline QR codes are SVG elements, not images).
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Adds the headers every response carries.
pub async fn headers(req: Request, next: Next) -> Response {
    let bundle = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let served = matches!(res.status(), StatusCode::OK | StatusCode::NOT_MODIFIED);
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, header::HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, header::HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, header::HeaderValue::from_static("DENY"));
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(header::HeaderValue::from_static("frame-ancestors 'none'"));
    if bundle && served {
        // The script, WASM chunks and style sheet keep their names from one release to the next.
        // Without a policy a browser reuses a copy unasked for a tenth of its age, so after an
        // upgrade a page could start with last release's code and fail to hydrate. `no-cache`:
        // keep the copy, but ask first; an unchanged file costs a 304 without a body
        // (`Last-Modified`). The files are sent brotli-compressed when asked for, so a shared
        // cache must key them by `Accept-Encoding`.
        h.entry(header::CACHE_CONTROL).or_insert(header::HeaderValue::from_static("no-cache"));
        h.entry(header::VARY).or_insert(header::HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// The one place that gives server-function errors their HTTP status. Server functions answer
/// every error with 500; their error bodies are our typed `AppError`, so this reads them back and
/// sets the status each one calls for (400 for an unreadable request, 401, 403, 422 …): a
/// client's mistake must never look like a server failure. Plain HTML form posts are redirects
/// back to the form (not 500) and pass through untouched.
pub async fn api_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if let Ok(err) = serde_json::from_slice::<crate::error::AppError>(&bytes) {
        parts.status = err.status();
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The peer address recorded by `into_make_service_with_connect_info`, if any.
pub fn peer(extensions: &axum::http::Extensions) -> Option<SocketAddr> {
    extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(!same_origin(&h(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&h(&[("sec-fetch-site", "same-site")])));
        assert!(!same_origin(&h(&[("origin", "https://evil.example"), ("host", "gov.example")])));
        assert!(!same_origin(&h(&[("origin", "null"), ("host", "gov.example")])));
    }

    #[test]
    fn same_origin_and_non_browser_posts_pass() {
        assert!(same_origin(&h(&[("sec-fetch-site", "same-origin")])));
        assert!(same_origin(&h(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(same_origin(&h(&[])));
    }

    #[test]
    fn forwarded_address_is_used_only_behind_a_trusted_proxy() {
        let headers = h(&[("x-forwarded-for", "203.0.113.9, 10.0.0.1")]);
        let peer: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        assert_eq!(client_ip(&headers, Some(peer), true), "203.0.113.9");
        assert_eq!(client_ip(&headers, Some(peer), false), "10.0.0.1");
    }
}
