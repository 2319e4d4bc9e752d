//! Test harness: a fresh database per test and the real server on a random port.

use gongkai::server::{self, Config, Db};
use std::net::SocketAddr;
use tokio::sync::oneshot;

/// A database made for one test; a PostgreSQL one is dropped when the test ends.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_drop: Option<(String, String)>,
}

impl TestDb {
    pub async fn new() -> TestDb {
        match std::env::var("GONGKAI_TEST_PG_URL") {
            Ok(admin_url) if !admin_url.is_empty() => {
                let name = format!("gk_t_{:016x}", rand_u64());
                let admin = Db::connect(&admin_url, 1).await.expect("connect to the PostgreSQL test server");
                sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin.pool).await.expect("create test database");
                admin.pool.close().await;
                let url = match admin_url.rsplit_once('/') {
                    Some((base, _)) => format!("{base}/{name}"),
                    None => panic!("GONGKAI_TEST_PG_URL needs a database path"),
                };
                TestDb { url, _dir: None, pg_drop: Some((admin_url, name)) }
            }
            _ => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/test.db", dir.path().display());
                TestDb { url, _dir: Some(dir), pg_drop: None }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg_drop.take() {
            // Drop is synchronous; use a throwaway runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                rt.block_on(async {
                    let admin = Db::connect(&admin_url, 1).await.ok()?;
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&admin.pool).await.ok()
                })
            })
            .join();
        }
    }
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
    h.finish()
}

/// How long a test waits for the server before calling it hung (an answer, or a graceful stop).
/// Far beyond any request's real time even on a loaded machine, far short of CI's limit.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(90);

/// A running server.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: Db,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
}

impl TestApp {
    /// Starts the server on `url`, seeding the demo county when the database is empty.
    pub async fn start(url: &str) -> TestApp {
        TestApp::start_with(Config::for_database(url)).await
    }

    /// Starts the server with a given configuration.
    pub async fn start_with(config: Config) -> TestApp {
        TestApp::start_serving(config, None).await
    }

    /// Starts the server with its static files (`site-root`) in `site_root`.
    pub async fn start_with_site(config: Config, site_root: &std::path::Path) -> TestApp {
        TestApp::start_serving(config, Some(site_root)).await
    }

    async fn start_serving(config: Config, site_root: Option<&std::path::Path>) -> TestApp {
        let opts = gongkai::demo::DemoOptions::from_config(&config);
        let mut state = server::prepare(config).await.expect("server prepares");
        if let Some(root) = site_root {
            std::sync::Arc::make_mut(&mut state.leptos_options).site_root = root.to_string_lossy().as_ref().into();
        }
        gongkai::demo::seed_if_empty(&state.db, &opts).await.expect("demo seed");
        let db = state.db.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            server::serve(listener, state, async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        TestApp { addr, db, shutdown: Some(tx), handle: Some(handle) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Graceful stop: waits until the server has finished every request it took. A request still
    /// being handled after `HANG` is a hung one: the test fails rather than hangs.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            if tokio::time::timeout(HANG, h).await.is_err() {
                panic!("the server did not stop within {HANG:?}: a request it took is still being handled");
            }
        }
        self.db.pool.close().await;
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .timeout(HANG)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Signs in through the real server function; returns the response status.
pub async fn login(app: &TestApp, c: &reqwest::Client, user: &str, password: &str) -> reqwest::Response {
    c.post(app.url("/api/staff/login"))
        .form(&[("username", user), ("password", password)])
        .send()
        .await
        .expect("login request")
}

pub const DEMO_PASSWORD: &str = gongkai::demo::DEMO_PASSWORD;

/// A successful sign-in through the server-function client: 200 with the redirect to the back
/// office in `Location` (a plain HTML form post gets a 302 instead).
pub fn signed_in(res: reqwest::Response) -> bool {
    res.status() == reqwest::StatusCode::OK && res.headers().get("location").is_some_and(|l| l == "/admin")
}

/// A valid information request to `unit` as the filing form posts it.
pub fn application_form(token: &str, unit: i64, subject: &str) -> Vec<(&'static str, String)> {
    vec![
        ("token", token.to_owned()),
        ("applicant_type", "person".into()),
        ("applicant_name", "王五".into()),
        ("id_type", "idcard".into()),
        ("id_number", "11010519491231002X".into()),
        ("phone", "13812345678".into()),
        ("unit_id", unit.to_string()),
        ("subject", subject.to_owned()),
        ("delivery", "online".into()),
    ]
}

/// `html` without Leptos's `<!>` placeholders. The portal is built with type-erased views
/// (`--cfg erase_components`, `.cargo/config.toml`), whose elements end their children with one;
/// assertions about markup read the same with or without them. Text and attribute values never
/// hold a literal `<!>`: their `<` is escaped.
pub fn unmarked(html: &str) -> String {
    html.replace("<!>", "")
}

/// A response's body with every UI message by its name. Messages go over the wire as numbers
/// (`Msg::wire`); assertions read better with names. A body that is not JSON comes back as sent.
pub async fn named(res: reqwest::Response) -> String {
    let text = res.text().await.unwrap();
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(v) => named_json(v).to_string(),
        Err(_) => text,
    }
}

/// `v` with every number that is a message's wire number replaced by the message's name.
pub fn named_json(mut v: serde_json::Value) -> serde_json::Value {
    use gongkai::i18n::Msg;
    use serde_json::Value;
    fn walk(v: &mut Value) {
        match v {
            Value::Number(n) => {
                if let Some(m) = n.as_u64().map(Msg::from_wire).filter(|m| Some(m.wire()) == n.as_u64()) {
                    *v = Value::String(m.name().to_owned());
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            Value::Object(fields) => fields.values_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}
