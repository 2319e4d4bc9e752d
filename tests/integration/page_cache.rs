//! The page cache (issue #10): anonymous public pages come from memory for a moment, each with a
//! fresh CSP nonce; sessions bypass it; a staff write clears it.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login};
use gongkai::server::Config;
use reqwest::StatusCode;

fn nonce(res: &reqwest::Response) -> String {
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    let start = csp.find("'nonce-").unwrap() + 7;
    csp[start..start + csp[start..].find('\'').unwrap()].to_owned()
}

async fn page(c: &reqwest::Client, app: &TestApp, path: &str) -> (bool, String, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let hit = res.headers().get("x-page-cache").is_some();
    let n = nonce(&res);
    (hit, n, res.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_pages_come_from_memory_with_their_own_nonce_until_staff_write() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.page_cache_ms = 600_000;
    let app = TestApp::start_with(config).await;
    let (entry, title): (i64, String) =
        sqlx::query_as("SELECT id, title FROM catalog_entries WHERE state = 'published' ORDER BY id LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    let path = format!("/catalog/{entry}");
    let anon = client();

    let (hit, first_nonce, first) = page(&anon, &app, &path).await;
    assert!(!hit && first.contains(&title));
    let (hit, second_nonce, second) = page(&anon, &app, &path).await;
    assert!(hit, "the second anonymous request is served from memory");
    assert_ne!(first_nonce, second_nonce, "every answer has its own nonce");
    assert!(second.contains(&format!("nonce=\"{second_nonce}\"")) && !second.contains(&first_nonce));
    assert_eq!(second.replace(&second_nonce, "N"), first.replace(&first_nonce, "N"), "the same page otherwise");

    // A change behind the portal's back is not seen by anonymous readers until the page expires…
    sqlx::query("UPDATE catalog_entries SET title = '缓存测试标题' WHERE id = $1").bind(entry).execute(&app.db.pool).await.unwrap();
    let (hit, _, stale) = page(&anon, &app, &path).await;
    assert!(hit && stale.contains(&title) && !stale.contains("缓存测试标题"));
    // …other languages and care mode are pages of their own…
    let (hit, _, english) = page(&client_with_cookie("lang=en"), &app, &path).await;
    assert!(!hit && english.contains("缓存测试标题") && english.contains("lang=\"en\""));
    // …and a signed-in reader always gets a fresh page.
    let staff = client();
    assert_eq!(login(&app, &staff, "officer.fgw", DEMO_PASSWORD).await.status(), StatusCode::OK);
    let (hit, _, fresh) = page(&staff, &app, &path).await;
    assert!(!hit && fresh.contains("缓存测试标题"));

    // A successful staff write clears the cache.
    let res = staff.post(app.url("/api/staff/logout")).send().await.unwrap();
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let (hit, _, after) = page(&anon, &app, &path).await;
    assert!(!hit && after.contains("缓存测试标题"));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_page_is_rendered_once_while_a_rush_gets_the_expired_copy() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.page_cache_ms = 1_000;
    let app = TestApp::start_with(config).await;
    let anon = client();
    let (hit, _, _) = page(&anon, &app, "/catalog").await;
    assert!(!hit);
    sqlx::query("UPDATE catalog_entries SET title = '过期重绘标题'").execute(&app.db.pool).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;

    // Twelve readers at once after expiry: one renders, the others are served from memory.
    let rush: Vec<_> = (0..12).map(|_| { let (c, u) = (anon.clone(), app.url("/catalog")); tokio::spawn(async move { c.get(u).send().await.unwrap() }) }).collect();
    let mut misses = 0;
    for r in rush {
        let res = r.await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        misses += usize::from(res.headers().get("x-page-cache").is_none());
    }
    assert_eq!(misses, 1, "exactly one request renders the expired page");
    let (hit, _, fresh) = page(&anon, &app, "/catalog").await;
    assert!(hit && fresh.contains("过期重绘标题"), "the one render replaced the expired page");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_published_letters_total_is_counted_once_per_lifetime_and_afresh_after_a_staff_write() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.figures_cache_ms = 600_000;
    let app = TestApp::start_with(config).await;
    let total = || async {
        let v: serde_json::Value = client().post(app.url("/api/hotline/public")).form(&[("page", "1")]).send().await.unwrap().json().await.unwrap();
        v["total"].as_i64().unwrap()
    };
    let before = total().await;
    assert!(before > 0, "the demo county has published letters");
    sqlx::query("UPDATE letters SET public_ok = 0 WHERE id = (SELECT MAX(id) FROM letters WHERE public_ok = 1 AND status IN ('answered', 'closed'))")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(total().await, before, "counted once, then reused");
    // Any successful staff write on this server counts afresh.
    let staff = client();
    assert_eq!(login(&app, &staff, "officer.fgw", DEMO_PASSWORD).await.status(), StatusCode::OK);
    let res = staff.post(app.url("/api/staff/logout")).send().await.unwrap();
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(total().await, before - 1);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_that_are_not_public_reads_are_never_cached() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.page_cache_ms = 600_000;
    let app = TestApp::start_with(config).await;
    for path in ["/admin", "/lookup", "/apply/info", "/catalog/999999999"] {
        for _ in 0..2 {
            let res = client().get(app.url(path)).send().await.unwrap();
            assert!(res.headers().get("x-page-cache").is_none(), "{path}");
        }
    }
    app.stop().await;
}

fn client_with_cookie(cookie: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::COOKIE, cookie.parse().unwrap());
    reqwest::Client::builder().default_headers(headers).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}
