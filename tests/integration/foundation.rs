//! The foundation: pages, preferences, health, sign-in, sessions, the authorization gate,
//! cross-site protection, migrations and the demo county.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, signed_in, named};
use gongkai::domain::{UnitKind, Uscc};
use gongkai::server::Db;
use gongkai::units::UnitView;
use reqwest::StatusCode;

async fn started() -> (TestDb, TestApp) {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    (db, app)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_check_and_home_page_are_served() {
    let (_db, app) = started().await;
    let c = client();
    let health = c.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.text().await.unwrap(), "ok");

    let home = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert_eq!(home.headers()["x-content-type-options"], "nosniff");
    let html = home.text().await.unwrap();
    assert!(html.contains(r#"<html lang="zh-Hans""#), "default language is simplified Chinese");
    assert!(html.contains("青山县人民政府 · 政务公开"));
    for href in ["/catalog", "/apply", "/lookup", "/hotline", "/surveys"] {
        assert!(html.contains(&format!(r#"href="{href}""#)), "home links to {href}");
    }
    assert!(!html.contains(r#"class="care""#));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_compressed_for_slow_networks() {
    let (_db, app) = started().await;
    let c = client();
    let plain = c.get(app.url("/")).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_len = plain.bytes().await.unwrap().len();
    let br = c.get(app.url("/")).header("accept-encoding", "br, gzip").send().await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    let br_len = br.bytes().await.unwrap().len();
    assert!(br_len * 3 < plain_len, "brotli {br_len} vs plain {plain_len}");
    app.stop().await;
}

/// The script, WASM chunks and style sheet keep their names from one release to the next: a
/// browser must ask before reusing its copy (or an upgraded page could start with old code), and
/// asking about an unchanged file costs a 304 without a body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bundle_files_are_revalidated_and_an_unchanged_one_costs_a_304() {
    let db = TestDb::new().await;
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    let js = "export function hydrate() { return 1; }\n".repeat(50);
    std::fs::write(site.path().join("pkg/gongkai.js"), &js).unwrap();
    let mut packed = Vec::new();
    brotli::BrotliCompress(&mut js.as_bytes(), &mut packed, &Default::default()).unwrap();
    std::fs::write(site.path().join("pkg/gongkai.js.br"), &packed).unwrap();
    let app = TestApp::start_with_site(gongkai::server::Config::for_database(&db.url), site.path()).await;
    let c = reqwest::Client::new();
    for encoding in ["identity", "gzip, br"] {
        let res = c.get(app.url("/pkg/gongkai.js")).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{encoding}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{encoding}");
        let vary: Vec<_> = res.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect();
        assert!(vary.iter().any(|v| v.contains("accept-encoding")), "{encoding}: vary {vary:?}");
        let modified = res.headers()["last-modified"].clone();
        let brotli = res.headers().get("content-encoding").is_some_and(|e| e == "br");
        assert_eq!(brotli, encoding.contains("br"), "{encoding}");
        let body = res.bytes().await.unwrap();
        assert_eq!(&body[..], if brotli { &packed[..] } else { js.as_bytes() }, "{encoding}: the file as stored");

        let again = c
            .get(app.url("/pkg/gongkai.js"))
            .header("accept-encoding", encoding)
            .header("if-modified-since", modified)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{encoding}");
        assert_eq!(again.headers()["cache-control"], "no-cache", "{encoding}");
        assert!(again.bytes().await.unwrap().is_empty());
    }
    let missing = c.get(app.url("/pkg/none.js")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get("cache-control").is_none_or(|v| v != "no-cache"), "only files found get the policy");
    app.stop().await;
}

/// On SQLite each connection reads the file as configured (`GONGKAI_SQLITE_MMAP_MB`,
/// `GONGKAI_SQLITE_CACHE_MB`): the pool's connections, the lookup's reader and the writer alike;
/// a map of 0 turns it off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_connections_read_with_the_configured_map_and_cache() {
    use gongkai::server::db::SqliteMemory;
    let tdb = TestDb::new().await;
    if !tdb.url.starts_with("sqlite:") {
        return;
    }
    for memory in [
        SqliteMemory { map_bytes: 0, cache_bytes: 2 << 20 },
        SqliteMemory { map_bytes: 64 << 20, cache_bytes: 1 << 20 },
        SqliteMemory::default(),
    ] {
        let db = Db::connect_with_memory(&tdb.url, 1, memory).await.unwrap();
        let pragmas = |c: &rusqlite::Connection| -> rusqlite::Result<(i64, i64)> {
            Ok((c.query_row("PRAGMA mmap_size", [], |r| r.get(0))?, c.query_row("PRAGMA cache_size", [], |r| r.get(0))?))
        };
        let want = (memory.map_bytes as i64, -((memory.cache_bytes / 1024) as i64));
        let pooled: (i64, i64) = (
            sqlx::query_scalar("PRAGMA mmap_size").fetch_one(&db.pool).await.unwrap(),
            sqlx::query_scalar("PRAGMA cache_size").fetch_one(&db.pool).await.unwrap(),
        );
        assert_eq!(pooled, want, "pool, {memory:?}");
        let reader = db.reader.clone().expect("a file has a reader");
        assert_eq!(reader.read(pragmas).unwrap(), want, "reader, {memory:?}");
        let writer = db.writer.clone().expect("a file has a writer");
        assert_eq!(writer.write(move |c| pragmas(c)).await.unwrap(), want, "writer, {memory:?}");
    }
}

/// The pool does not test a connection each time it is taken (that cost a round trip per
/// query), but one that has sat idle is tested first: connections the database dropped (a restart,
/// a firewall) are replaced before a request uses them. PostgreSQL only; nothing drops a SQLite
/// connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pooled_connections_the_database_dropped_are_replaced_before_use() {
    let tdb = TestDb::new().await;
    if !tdb.url.starts_with("postgres") {
        return;
    }
    let db = Db::connect(&tdb.url, 4).await.unwrap();
    let ping = |db: &Db| {
        let pool = db.pool.clone();
        async move { sqlx::query_scalar::<_, i64>("SELECT CAST(1 AS BIGINT)").fetch_one(&pool).await }
    };
    // Four connections open at once, back in the pool.
    let opened = futures::future::join_all((0..4).map(|_| {
        let pool = db.pool.clone();
        async move { sqlx::query("SELECT pg_sleep(0.05)").execute(&pool).await }
    }))
    .await;
    assert!(opened.iter().all(|r| r.is_ok()), "{opened:?}");
    assert_eq!(db.pool.size(), 4);
    // Cut them from the database's side, as a restart does.
    let admin = Db::connect(&tdb.url, 1).await.unwrap();
    let (cut,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()) t",
    )
    .fetch_one(&admin.pool)
    .await
    .unwrap();
    assert_eq!(cut, 4, "the pool's four connections");
    tokio::time::sleep(gongkai::server::db::IDLE_BEFORE_PING + std::time::Duration::from_millis(200)).await;
    // Every query after the pause succeeds, one after another and at once.
    for i in 0..6 {
        assert_eq!(ping(&db).await.unwrap(), 1, "query {i} after the cut");
    }
    let together = futures::future::join_all((0..8).map(|_| ping(&db))).await;
    assert!(together.iter().all(|r| matches!(r, Ok(1))), "{together:?}");
    admin.pool.close().await;
    db.pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_and_care_mode_cookies_change_the_server_rendering() {
    let (_db, app) = started().await;
    let c = reqwest::Client::new();
    let en = c.get(app.url("/")).header("cookie", "lang=en; care=1").send().await.unwrap().text().await.unwrap();
    assert!(en.contains(r#"<html lang="en" class="care""#));
    assert!(en.contains("Qingshan County Government"));
    assert!(en.contains("Care mode") || en.contains("Standard mode"));

    let hant = c.get(app.url("/catalog")).header("cookie", "lang=zh-Hant").send().await.unwrap().text().await.unwrap();
    assert!(hant.contains(r#"<html lang="zh-Hant""#));
    assert!(hant.contains("政府資訊公開目錄"));
    app.stop().await;
}

/// The browser's code carries no texts: each page names its language's texts, which the browser
/// loads before it hydrates. The file the page names holds every message in that language, in key
/// order, and is cached for good because its name changes with its content.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_names_the_texts_of_its_language_for_the_browser() {
    use gongkai::domain::Locale;
    use gongkai::i18n::Msg;
    let (_db, app) = started().await;
    let c = reqwest::Client::new();
    let mut urls = Vec::new();
    for (cookie, locale) in [("", Locale::Hans), ("lang=zh-Hant", Locale::Hant), ("lang=en", Locale::En)] {
        let html = c.get(app.url("/lookup")).header("cookie", cookie).send().await.unwrap().text().await.unwrap();
        let meta = r#"<meta name="gongkai-texts" content=""#;
        let start = html.find(meta).expect("the page names its texts") + meta.len();
        let url = html[start..start + html[start..].find('"').unwrap()].to_owned();
        assert!(url.starts_with(&format!("/i18n/{}.", locale.tag())) && url.ends_with(".json"), "{url}");
        let res = c.get(app.url(&url)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "application/json");
        assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
        let json = res.bytes().await.unwrap();
        let texts: Vec<String> = serde_json::from_slice(&json).unwrap();
        assert_eq!(texts.len(), Msg::ALL.len());
        // Sent compressed in advance to browsers that take brotli: the same file, smaller.
        let br = c.get(app.url(&url)).header("accept-encoding", "gzip, br").send().await.unwrap();
        assert_eq!(br.headers()["content-encoding"], "br");
        let packed = br.bytes().await.unwrap();
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, json);
        assert!(packed.len() * 2 < json.len(), "{} of {}", packed.len(), json.len());
        for (m, t) in Msg::ALL.iter().zip(&texts) {
            assert_eq!(t, m.text(locale), "{m:?} in {locale:?}");
        }
        urls.push(url);
    }
    urls.dedup();
    assert_eq!(urls.len(), 3, "each language has its own file");
    // A name from before an update gets today's texts, not to be kept; nonsense is not found.
    let old = c.get(app.url("/i18n/en.0000000000000000.json")).send().await.unwrap();
    assert_eq!(old.status(), StatusCode::OK);
    assert_eq!(old.headers()["cache-control"], "no-cache");
    assert_eq!(old.json::<Vec<String>>().await.unwrap()[0], Msg::ALL[0].text(Locale::En));
    for bad in ["/i18n/xx.1.json", "/i18n/en", "/i18n/en.1.txt"] {
        assert_eq!(c.get(app.url(bad)).send().await.unwrap().status(), StatusCode::NOT_FOUND, "{bad}");
    }
    app.stop().await;
}

/// The data a page hands to the browser for hydration is written into a `<script>` as string
/// literals (by `vendor/hydration_context`'s `js_string`). Each must read back, as JSON, to exactly
/// what the server function returned, with no markup that could end the script early, whatever
/// the text holds: Chinese, quotes, backslashes, line breaks, `</script>` and `<!--`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hydration_data_is_a_json_string_literal_without_markup() {
    let (_db, app) = started().await;
    let title = "关于\"补贴\"的通知 \\ 反斜杠</script><!-- <script>alert(1)</script>\u{2028}末尾";
    let summary = "第一行\n第二行\t制表 ';'";
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units ORDER BY id LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO catalog_entries (unit_id, state, title, summary, published_on, updated_on, topic, genre, audience, created_at) \
         VALUES ($1, 'published', $2, $3, '2026-12-01', '2026-12-01', 'general', 'notice', 'citizens', 0) RETURNING id",
    )
    .bind(unit)
    .bind(title)
    .bind(summary)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let html = client().get(app.url(&format!("/catalog/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("<!-- <script>") && !html.contains("alert(1)</script>"), "markup from the data reached the page");
    // The page's title is text too (leptos_meta does not escape it: `App`'s formatter does).
    assert!(html.contains("<title>关于\"补贴\"的通知 \\ 反斜杠&lt;/script&gt;&lt;!-- &lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    let mut found = 0;
    for (at, _) in html.match_indices("__RESOLVED_RESOURCES[") {
        let rest = &html[at..];
        let Some(eq) = rest.find("] = ") else { continue };
        // The literal is valid JSON as well as JavaScript: read it with a JSON reader.
        let literal = &rest[eq + 4..];
        let data: String = serde_json::Deserializer::from_str(literal).into_iter::<String>().next().unwrap().unwrap();
        let value: serde_json::Value = serde_json::from_str(&data).unwrap();
        let text = value.to_string();
        if text.contains("反斜杠") {
            let json_of = |s: &str| serde_json::to_string(s).unwrap();
            assert!(text.contains(&json_of(title)), "{text}");
            assert!(text.contains(&json_of(summary)), "{text}");
            found += 1;
        }
    }
    assert_eq!(found, 1, "the entry's data is on its page once");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prefs_link_sets_cookies_and_only_returns_to_this_site() {
    let (_db, app) = started().await;
    let c = client();
    let res = c.get(app.url("/prefs?lang=zh-Hant&care=1&back=%2Fcatalog%3Fx%3D1")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/catalog?x=1");
    let cookies: Vec<_> = res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("lang=zh-Hant;")));
    assert!(cookies.iter().any(|c| c.starts_with("care=1;")));

    // The cookie jar now carries them: the next page renders in traditional Chinese, care mode.
    let html = c.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"<html lang="zh-Hant" class="care""#));

    let evil = c.get(app.url("/prefs?care=0&back=%2F%2Fevil.example")).send().await.unwrap();
    assert_eq!(evil.headers()["location"], "/");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_page_is_a_404_with_a_message() {
    let (_db, app) = started().await;
    let res = client().get(app.url("/no-such-page")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("页面不存在"));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_refused_then_throttled() {
    let (_db, app) = started().await;
    let c = client();
    for _ in 0..5 {
        let res = login(&app, &c, "admin", "wrong-password").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // The message goes as its wire number (the browser's code carries no names).
        let body = res.text().await.unwrap();
        let wire = gongkai::i18n::Msg::LoginWrong.wire().to_string();
        assert!(body.contains(&wire) && !body.contains("LoginWrong") && body.contains("password"), "{body}");
    }
    // Locked for this username now, even with the right password.
    let res = login(&app, &c, "admin", DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(named(res).await.contains("LoginThrottled"));
    // Another account from the same address is not locked.
    assert!(signed_in(login(&app, &c, "evaluator", DEMO_PASSWORD).await));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_user_and_malformed_input_get_field_errors() {
    let (_db, app) = started().await;
    let c = client();
    let res = login(&app, &c, "nobody", "whatever-password").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(named(res).await.contains("LoginWrong"));
    let res = login(&app, &c, "", "x").await;
    assert!(named(res).await.contains("FieldRequired"));
    let res = login(&app, &c, "<script>", "x").await;
    assert!(named(res).await.contains("UsernameInvalid"));
    let huge = "x".repeat(100_000);
    let res = login(&app, &c, "admin", &huge).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn admin_units(app: &TestApp, c: &reqwest::Client) -> reqwest::Response {
    c.post(app.url("/api/units/admin_list")).form(&[("", "")][..0]).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_function_refuses_anonymous_and_wrong_roles() {
    let (_db, app) = started().await;
    let anon = client();
    let res = admin_units(&app, &anon).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(named(res).await.contains("NotSignedIn"));

    for user in ["officer.fgw", "reviewer.fgw", "evaluator"] {
        let c = client();
        assert!(signed_in(login(&app, &c, user, DEMO_PASSWORD).await));
        let res = admin_units(&app, &c).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{user} must not list units");
    }

    let c = client();
    assert!(signed_in(login(&app, &c, "admin", DEMO_PASSWORD).await));
    let res = admin_units(&app, &c).await;
    assert_eq!(res.status(), StatusCode::OK);
    let units: Vec<UnitView> = res.json().await.unwrap();
    assert_eq!(units.len(), 110);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_county_has_110_units_with_valid_unique_codes() {
    let (_db, app) = started().await;
    let c = client();
    login(&app, &c, "admin", DEMO_PASSWORD).await;
    let units: Vec<UnitView> = admin_units(&app, &c).await.json().await.unwrap();
    let count = |k| units.iter().filter(|u| u.kind == k).count();
    assert_eq!(count(UnitKind::Department), 72);
    assert_eq!(count(UnitKind::Township), 19);
    assert_eq!(count(UnitKind::Enterprise), 19);
    let mut codes: Vec<_> = units.iter().map(|u| u.code.clone()).collect();
    for code in &codes {
        assert!(Uscc::parse(code).is_ok(), "{code}");
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 110);
    assert!(units.iter().any(|u| u.parent_id.is_some()), "the tree has sub-units");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_in_staff_sees_own_roles_and_logout_ends_the_session() {
    let (_db, app) = started().await;
    let c = client();
    let res = login(&app, &c, "officer.fgw", DEMO_PASSWORD).await;
    assert_eq!(res.headers()["location"], "/admin");
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(set_cookie.contains("gk_sid=") && set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));

    let me: serde_json::Value = c.post(app.url("/api/staff/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["username"], "officer.fgw");
    assert_eq!(me["grants"][0]["role"], "Officer");
    assert_eq!(me["grants"][0]["unit_name"], "青山县发展和改革委员会");

    let page = c.get(app.url("/admin")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("发改委信息员李强"));

    c.post(app.url("/api/staff/logout")).send().await.unwrap();
    let me: serde_json::Value = c.post(app.url("/api/staff/me")).send().await.unwrap().json().await.unwrap();
    assert!(me.is_null());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_survives_a_server_restart() {
    let db = TestDb::new().await;
    let c = client();
    let first = TestApp::start(&db.url).await;
    assert!(signed_in(login(&first, &c, "admin", DEMO_PASSWORD).await));
    first.stop().await;

    let second = TestApp::start(&db.url).await;
    let me: serde_json::Value = c.post(second.url("/api/staff/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["username"], "admin");
    assert_eq!(admin_units(&second, &c).await.status(), StatusCode::OK);
    second.stop().await;
}

/// A correct sign-in carrying one extra request header.
async fn login_with_header(app: &TestApp, c: &reqwest::Client, name: &str, value: &str) -> reqwest::Response {
    c.post(app.url("/api/staff/login"))
        .header(name, value)
        .form(&[("username", "admin"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    let (_db, app) = started().await;
    let c = client();
    assert_eq!(login_with_header(&app, &c, "origin", "https://evil.example").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(login_with_header(&app, &c, "sec-fetch-site", "cross-site").await.status(), StatusCode::FORBIDDEN);
    // Same origin passes.
    let same_origin = format!("http://{}", app.addr);
    assert!(signed_in(login_with_header(&app, &c, "origin", &same_origin).await));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_migration_stops_start_up_with_a_clear_message() {
    let db = TestDb::new().await;
    let raw = Db::connect(&db.url, 1).await.unwrap();
    // A table in the way of the first migration.
    sqlx::query("CREATE TABLE units (id BIGINT)").execute(&raw.pool).await.unwrap();
    raw.pool.close().await;
    let err = gongkai::server::prepare(gongkai::server::Config::for_database(&db.url)).await.err().expect("start-up must fail");
    let msg = format!("{err:#}");
    assert!(msg.contains("database migration failed"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_admin_command_makes_a_working_login() {
    let (_db, app) = started().await;
    let err = gongkai::cli::create_admin(&app.db, "chief", "", "short").await.unwrap_err();
    assert!(err.to_string().contains("password"), "{err}");
    gongkai::cli::create_admin(&app.db, "Chief", "县长办公室", "Strong-Pass-2026").await.unwrap();
    assert!(gongkai::cli::create_admin(&app.db, "chief", "", "Strong-Pass-2026").await.is_err(), "no duplicates");
    let c = client();
    assert!(signed_in(login(&app, &c, "chief", "Strong-Pass-2026").await));
    assert_eq!(admin_units(&app, &c).await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_actions_are_written_to_the_audit_log() {
    let (_db, app) = started().await;
    let c = client();
    login(&app, &c, "admin", "nope-nope-nope").await;
    login(&app, &c, "admin", DEMO_PASSWORD).await;
    let actions: Vec<(String,)> = sqlx::query_as("SELECT action FROM audit_log ORDER BY id").fetch_all(&app.db.pool).await.unwrap();
    let actions: Vec<_> = actions.into_iter().map(|a| a.0).collect();
    assert_eq!(actions, ["login_failed", "login"]);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backend_under_test_is_the_one_requested() {
    let (_db, app) = started().await;
    let want_pg = std::env::var("GONGKAI_TEST_PG_URL").is_ok_and(|v| !v.is_empty());
    let expected = if want_pg { gongkai::server::db::Backend::Postgres } else { gongkai::server::db::Backend::Sqlite };
    assert_eq!(app.db.backend, expected);
    let (one,): (i64,) = sqlx::query_as("SELECT 1").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(one, 1);
    println!("backend under test: {expected:?}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_a_request_in_flight() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (_db, app) = started().await;
    let addr = app.addr;
    // Half a request is on the wire when the stop signal comes …
    let mut conn = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let stopping = tokio::spawn(app.stop());
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    // … and still gets its answer once the rest arrives.
    conn.write_all(b"Connection: close\r\n\r\n").await.unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ok"));
    tokio::time::timeout(std::time::Duration::from_secs(10), stopping).await.expect("server stopped").unwrap();
    // Once stopped, the port no longer accepts connections.
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

/// Sessions are stored through the SQLite writer or the PostgreSQL pool; either way a new
/// session never takes over a stored one's id (a forged cookie, or a 128-bit collision).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_session_never_overwrites_one_with_the_same_id() {
    use gongkai::server::session::DbSessionStore;
    use tower_sessions::session::{Id, Record};
    use tower_sessions::session_store::SessionStore;
    let tdb = TestDb::new().await;
    let db = Db::connect_and_migrate(&tdb.url, 2).await.unwrap();
    assert_eq!(db.writer.is_some(), tdb.url.starts_with("sqlite:"), "SQLite files go through the writer");
    let store = DbSessionStore::new(db.clone());
    let record = |word: &str| Record {
        id: Id::default(),
        data: [("word".to_owned(), serde_json::json!(word))].into_iter().collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    let first = record("first");
    store.save(&first).await.unwrap();
    let mut second = record("second");
    second.id = first.id;
    store.create(&mut second).await.unwrap();
    assert_ne!(second.id, first.id, "a taken id is drawn again");
    assert_eq!(store.load(&first.id).await.unwrap().unwrap().data["word"], "first");
    assert_eq!(store.load(&second.id).await.unwrap().unwrap().data["word"], "second");
    // Saving an existing session updates it in place.
    let mut again = second.clone();
    again.data.insert("word".into(), serde_json::json!("third"));
    store.save(&again).await.unwrap();
    assert_eq!(store.load(&second.id).await.unwrap().unwrap().data["word"], "third");
    db.pool.close().await;
}
