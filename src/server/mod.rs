//! Everything that exists only on the server: state, configuration, database, sessions,
//! the authorization gate and request-level protections.

pub mod audit;
pub mod auth;
pub mod config;
pub mod db;
pub mod drafts;
pub mod memo;
pub mod owner_scope;
pub mod sql;
pub mod page_cache;
pub mod password;
pub mod prefs;
pub mod reader;
pub mod security;
pub mod session;
pub mod sheet;
pub mod throttle;
pub mod writer;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::app::{App, shell};
pub use config::Config;
pub use db::Db;

/// Shared by every request handler and provided to every server function as context.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Shared, so that the per-request copy of the state costs no more than a few counters
    /// (leptos_axum still gets its own `LeptosOptions` through [`FromRef`], below).
    #[from_ref(skip)]
    pub leptos_options: Arc<LeptosOptions>,
    pub db: Db,
    pub config: Arc<Config>,
    /// Figures behind public pages, kept for `GONGKAI_FIGURES_CACHE_MS` (see `memo`).
    pub memo: memo::Memo,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        (*state.leptos_options).clone()
    }
}

impl AppState {
    /// Today's date for this request: the configured clock, or with `GONGKAI_TEST_CLOCK` the date
    /// in the browser's `gk_test_today` cookie (so parallel browser tests each move their own
    /// calendar).
    pub fn today(&self) -> time::Date {
        // Without the test clock the request is not read (copying its parts out of the context
        // cost more than the rest of this).
        if !self.config.test_clock {
            return self.config.today();
        }
        with_context::<axum::http::request::Parts, _>(|p| self.today_at(&p.headers)).unwrap_or_else(|| self.config.today())
    }

    /// [`AppState::today`] for a plain axum handler, from the request's headers.
    pub fn today_at(&self, headers: &axum::http::HeaderMap) -> time::Date {
        if self.config.test_clock {
            if let Some(d) = test_today(headers) {
                return d;
            }
        }
        self.config.today()
    }
}

/// The `gk_test_today` cookie's date, if any.
pub fn test_today(headers: &axum::http::HeaderMap) -> Option<time::Date> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("gk_test_today="))
        .and_then(|v| time::Date::parse(v.trim(), &time::format_description::well_known::Iso8601::DATE).ok())
}

/// Leptos options: from cargo-leptos' environment when it built or runs us, else from the
/// `[package.metadata.leptos]` section of our Cargo.toml (plain `cargo test`).
pub fn leptos_options() -> Result<LeptosOptions> {
    let from_cargo_leptos = option_env!("LEPTOS_OUTPUT_NAME").is_some() || std::env::var_os("LEPTOS_OUTPUT_NAME").is_some();
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let source = if from_cargo_leptos { None } else { Some(manifest) };
    let mut options = get_configuration(source).context("reading Leptos configuration")?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = Arc::from("gongkai");
    }
    Ok(options)
}

/// The application's routes, listed once per process.
///
/// Listing them renders the whole app once with resource loading suppressed, and Leptos keeps that
/// switch in one process-wide flag (`leptos_server`'s `SuppressResourceLoad`): a resource whose
/// future is first polled while any thread is listing routes waits forever (leptos#4773). A
/// second server built in the same process (the integration tests start one per test) must not
/// list them again while the first one is rendering pages; every caller waits for the one listing.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES
        .get_or_init(|| {
            let mut routes = generate_route_list(App);
            // The staff pages are one route, `/admin/*rest` (see `app::GroupPages`), which axum
            // matches to neither `/admin` nor `/admin/`: the dashboard would come from the
            // fallback, as "not found". Both get the same route.
            if let Some(staff) = routes.iter().find(|r| r.path() == "/admin/{*rest}").cloned() {
                for path in ["/admin", "/admin/"] {
                    routes.push(leptos_axum::AxumRouteListing::new(path.into(), staff.mode().clone(), staff.methods().collect::<Vec<_>>(), Vec::new()));
                }
            }
            routes
        })
        .clone()
}

/// Builds the whole application over an open (migrated) database.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let ctx_state = state.clone();
    // leptos_axum gives every rendered page a fresh nonce; its inline scripts (hydration,
    // resources) carry it and `app::shell` names it in the Content-Security-Policy.
    let context = move || provide_context(ctx_state.clone());
    let shell_options = (*state.leptos_options).clone();
    let pkg = shell_options.site_pkg_dir.to_string();
    let pkg_root = std::path::Path::new(&*shell_options.site_root).join(&pkg);

    let session_layer = SessionManagerLayer::new(session::DbSessionStore::new(state.db.clone()))
        .with_name("gk_sid")
        .with_same_site(SameSite::Lax)
        .with_http_only(true)
        .with_secure(state.config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(CookieDuration::hours(8)));

    Router::new()
        .route("/healthz", get(healthz))
        .route("/prefs", get(prefs::set_prefs))
        .route("/i18n/{file}", get(texts))
        .route("/catalog/feed.atom", get(crate::catalog::feed::atom))
        .route("/catalog/list.html", get(crate::catalog::list::fragment))
        .route("/sitemap.xml", get(crate::catalog::feed::sitemap))
        .route("/admin/catalog/export.csv", get(crate::catalog::transfer::export))
        .route("/admin/ratings/export.csv", get(crate::ratings::export::csv))
        .route("/admin/ratings/export.xlsx", get(crate::ratings::export::xlsx))
        .route("/admin/surveys/{id}/{file}", get(crate::surveys::export::export))
        .route("/surveys/{id}/answer", axum::routing::post(crate::surveys::answer::post))
        .route("/admin/catalog/import/upload", axum::routing::post(crate::catalog::transfer::upload))
        .route("/apply/files", axum::routing::post(crate::apply::files::stage))
        .route("/hotline/files", axum::routing::post(crate::hotline::files::stage))
        .route("/admin/letters/{id}/files/{file}", get(crate::hotline::files::staff_download))
        .route("/open311/v2/services.json", get(crate::hotline::open311::services))
        .route("/open311/v2/requests.json", get(crate::hotline::open311::requests).post(crate::hotline::open311::create))
        .route("/open311/v2/requests/{id}", get(crate::hotline::open311::request))
        .route("/lookup/files", axum::routing::post(crate::cases::files::applicant_upload))
        .route("/lookup/files/{id}", get(crate::cases::files::applicant_download))
        .route("/admin/cases/{id}/files", axum::routing::post(crate::cases::files::staff_upload))
        .route("/admin/cases/{id}/files/{file}", get(crate::cases::files::staff_download))
        .route("/admin/catalog/{id}/files", axum::routing::post(crate::catalog::files::upload))
        .route("/admin/catalog/{id}/files/{file}", get(crate::catalog::files::staff_download))
        .route("/admin/catalog/{id}/files/{file}/remove", axum::routing::post(crate::catalog::files::remove))
        .route("/catalog/{id}/files/{file}", get(crate::catalog::files::public_download))
        // Attachments are up to 10 MB (a larger one is refused with a message, up to twice that);
        // every other body stays under axum's 2 MB default.
        .layer(axum::extract::DefaultBodyLimit::max(2 * crate::cases::MAX_FILE_BYTES))
        .leptos_routes_with_context(&state, routes, context.clone(), move || shell(shell_options.clone()))
        // The built script, WASM and style sheet, served directly: Leptos's file fallback passes
        // a request on without its `If-Modified-Since`, so a browser revalidating its copy (see
        // `security::headers`) would get the whole file again instead of a 304.
        .nest_service(&format!("/{pkg}"), tower_http::services::ServeDir::new(pkg_root).precompressed_br().precompressed_gzip())
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        // The middleware, outermost first, as one layer: each `Router::layer` call wraps every
        // route in a boxed service of its own, and each of those clones everything inside it on
        // every request, so eleven calls cloned about 75 boxed services per request (a tenth of
        // a lookup's instructions went with them: 199k to 179k under callgrind). Composed here,
        // a request clones the stack once.
        .layer(
            tower::ServiceBuilder::new()
                // One line per request at INFO when RUST_LOG enables tower_http (off by default).
                .layer(
                    tower_http::trace::TraceLayer::new_for_http()
                        // The path only: query strings carry lookup codes and must not reach the logs.
                        .make_span_with(|req: &axum::http::Request<_>| {
                            tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                        })
                        .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                // Brotli or gzip for readers on slow networks; a middle quality keeps the CPU cost
                // per request low (the WASM bundle shrinks about 3x).
                .layer(tower_http::compression::CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(5)))
                .layer(axum::middleware::from_fn_with_state(
                    security::InFlight::new(
                        state.config.max_in_flight,
                        state.config.max_queued,
                        std::time::Duration::from_millis(state.config.queue_wait_ms),
                    ),
                    security::shed,
                ))
                // A bug that panics answers its one request with 500 (and an ERROR in the log)
                // instead of dropping the connection.
                .layer(tower_http::catch_panic::CatchPanicLayer::custom(security::panic_response))
                .layer(axum::middleware::from_fn_with_state(
                    page_cache::PageCache::new(std::time::Duration::from_millis(state.config.page_cache_ms), state.memo.clone()),
                    page_cache::layer,
                ))
                .layer(axum::middleware::from_fn(security::headers))
                .layer(axum::middleware::from_fn(security::origin_guard))
                .layer(session_layer)
                .layer(axum::middleware::from_fn(security::api_error_status))
                // Every request renders with its own reactive owner, never another's.
                .layer(axum::middleware::from_fn(owner_scope::layer))
                // The catalog list's HTML, made before its page renders (see `catalog::list`).
                .layer(axum::middleware::from_fn_with_state(state.clone(), crate::catalog::list::prerender)),
        )
        .with_state(state)
}

/// The portal's public address: configured, or from the request's Host header (kept only when it
/// looks like a host name).
pub fn public_base(config: &Config, host: Option<&str>) -> String {
    if let Some(url) = &config.public_url {
        return url.clone();
    }
    let host = host
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')))
        .unwrap_or("localhost");
    let scheme = if config.secure_cookies { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// A language's texts for the browser (`i18n::texts_url`). The name carries a digest of the
/// content, so that file is cached for good; another name of the language (a page from before an
/// update) gets today's texts, not to be cached.
async fn texts(axum::extract::Path(file): axum::extract::Path<String>, headers: axum::http::HeaderMap) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let found = file.split_once('.').and_then(|(tag, rest)| {
        let locale = crate::domain::Locale::ALL.into_iter().find(|l| l.tag() == tag)?;
        let texts = crate::i18n::texts_json(locale);
        Some((texts, rest.strip_suffix(".json")? == texts.digest))
    });
    let Some((texts, current)) = found else { return StatusCode::NOT_FOUND.into_response() };
    let cache = if current { "public, max-age=31536000, immutable" } else { "no-cache" };
    let accepts_br = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.split(';').next().is_some_and(|e| e.trim() == "br")));
    let common = [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, cache), (header::VARY, "accept-encoding")];
    if accepts_br && !texts.brotli.is_empty() {
        (common, [(header::CONTENT_ENCODING, "br")], texts.brotli.clone()).into_response()
    } else {
        (common, texts.json.clone()).into_response()
    }
}

async fn healthz(State(db): State<Db>) -> (StatusCode, &'static str) {
    match db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Opens the database, applies migrations and optionally seeds the demo county.
pub async fn prepare(config: Config) -> Result<AppState> {
    let db = Db::connect_and_migrate_with_memory(&config.database_url, config.db_max_connections, config.sqlite_memory).await?;
    if config.demo {
        let seeded = crate::demo::seed_if_empty(&db, &crate::demo::DemoOptions::from_config(&config)).await?;
        if seeded {
            tracing::info!("demo county created");
        }
        crate::demo::print_logins();
    }
    if let Err(e) = db.optimize().await {
        tracing::warn!(error = %e, "refreshing the planner statistics failed");
    }
    let memo = memo::Memo::new(std::time::Duration::from_millis(config.figures_cache_ms));
    Ok(AppState { leptos_options: Arc::new(leptos_options()?), db, config: Arc::new(config), memo })
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let cleanup = tokio::spawn(housekeeping(state.clone()));
    let app = router(state);
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
        .context("server error")?;
    cleanup.abort();
    Ok(())
}

/// Hourly (and at start-up): deletes expired sessions, resumes catalog imports cut short, and runs
/// the day's self-audit if no server has yet.
async fn housekeeping(state: AppState) {
    let store = session::DbSessionStore::new(state.db.clone());
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = store.delete_expired().await {
            tracing::warn!(error = %e, "could not delete expired sessions");
        }
        crate::catalog::transfer::resume_interrupted(&state).await;
        crate::assessment::api::daily_self_audit(&state).await;
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}
