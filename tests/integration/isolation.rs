//! Requests served at the same time stay apart: under concurrent load every page is rendered
//! with its own request's session, address, nonce and response headers, and a static file or a
//! server-function call never takes a page's. (Leptos keeps its current owner in a thread-local;
//! see `server::owner_scope`. Before that fix about one answer in six in this mix was wrong.)

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, signed_in, unmarked};
use gongkai::server::Config;
use reqwest::StatusCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

const CSS: &str = "/* the site's stylesheet */ body { color: #111 }";

/// The nonce in the page's Content-Security-Policy, if it has one.
fn header_nonce(res: &reqwest::Response) -> Option<String> {
    let csp = res.headers().get("content-security-policy")?.to_str().ok()?;
    let start = csp.find("'nonce-")? + 7;
    Some(csp[start..start + csp[start..].find('\'')?].to_owned())
}

/// What is wrong with one answer, if anything.
async fn check(app: &TestApp, anon: &reqwest::Client, admin: &reqwest::Client, job: usize) -> Option<String> {
    // Who asks, for what, and a heading only that page has.
    let (who, path, post, mark) = match job % 7 {
        0 => ("admin", "/admin/assessment/scores", false, ">信息发布考核评分</h1>"),
        1 => ("admin", "/admin/letters", false, ">来信办理</h1>"),
        2 => ("anon", "/catalog?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", false, "<title>政府信息公开目录 - "),
        3 => ("anon", "/lookup", false, "<title>办件查询 - "),
        4 => ("anon", "/", false, "<title>青山县人民政府 · 政务公开</title>"),
        5 => ("static", "/pkg/gongkai.css", false, CSS),
        _ => ("anon", "/api/catalog/list", true, "\"units\":["),
    };
    let c = if who == "admin" { admin } else { anon };
    let req = if post { c.post(app.url(path)).form(&[("page", "1")]) } else { c.get(app.url(path)) };
    let res = match req.send().await {
        Ok(r) => r,
        Err(e) => return Some(format!("{path}: {e}")),
    };
    let status = res.status();
    let nonce = header_nonce(&res);
    let body = unmarked(&res.text().await.unwrap_or_default());
    let fail = |why: &str| Some(format!("{who} {path}: {why} (status {status}, nonce {nonce:?}, {} bytes)", body.len()));
    if status != StatusCode::OK {
        return fail("not 200");
    }
    match who {
        "static" if body != CSS => fail("not the file"),
        "static" if nonce.is_some() => fail("a static file carries a page's nonce policy"),
        "static" => None,
        _ if post && !body.contains(mark) => fail("not the function's answer"),
        _ if post => None,
        _ => {
            let Some(n) = nonce.clone() else { return fail("the page lost its own Content-Security-Policy") };
            if !body.contains(&format!("nonce=\"{n}\"")) {
                return fail("the page's scripts carry another nonce than its policy");
            }
            let staff = body.contains("data-testid=\"admin-nav\"");
            if who == "anon" && staff {
                return fail("an anonymous reader was sent a staff page");
            }
            if who == "admin" && !staff {
                return fail("the administrator was sent a public page");
            }
            if !body.contains(mark) {
                return fail("not the page asked for");
            }
            None
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_never_see_each_others_session_headers_or_page() {
    let db = TestDb::new().await;
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/gongkai.css"), CSS).unwrap();
    let mut config = Config::for_database(&db.url);
    config.page_cache_ms = 0;
    config.figures_cache_ms = 0;
    let app = Arc::new(TestApp::start_with_site(config, site.path()).await);
    let admin = client();
    assert!(signed_in(login(&app, &admin, "admin", DEMO_PASSWORD).await));
    let anon = client();

    const JOBS: usize = 700;
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..24 {
        let (app, anon, admin, next) = (app.clone(), anon.clone(), admin.clone(), next.clone());
        workers.spawn(async move {
            let mut wrong = Vec::new();
            loop {
                let job = next.fetch_add(1, Ordering::Relaxed);
                if job >= JOBS {
                    return wrong;
                }
                if let Some(why) = check(&app, &anon, &admin, job).await {
                    wrong.push(why);
                }
            }
        });
    }
    let mut wrong = Vec::new();
    while let Some(w) = workers.join_next().await {
        wrong.extend(w.unwrap());
    }
    assert!(wrong.is_empty(), "{} of {JOBS} answers were wrong, e.g.:\n{}", wrong.len(), wrong[..wrong.len().min(8)].join("\n"));
    // Each kind was really served, and the first answers stay right when asked one at a time.
    for job in 0..7 {
        assert_eq!(check(&app, &anon, &admin, job).await, None);
    }
    match Arc::try_unwrap(app) {
        Ok(app) => app.stop().await,
        Err(_) => panic!("the workers still hold the server"),
    }
}

/// Leptos switches resource loading off for the whole process while it lists an app's routes
/// (leptos#4773), and a page whose resource was first polled meanwhile never finished: the hang
/// this suite met now and then, when one test started its server while another's pages rendered.
/// Building another server (here, over and over) must leave the pages being rendered alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn building_another_server_never_stalls_a_page_being_rendered() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let state = gongkai::server::prepare(Config::for_database(&db.url)).await.expect("prepares");
    let stop = Arc::new(AtomicBool::new(false));
    let builder = {
        let stop = stop.clone();
        tokio::task::spawn_blocking(move || {
            let mut built = 0usize;
            while !stop.load(Ordering::Relaxed) {
                drop(gongkai::server::router(state.clone()));
                built += 1;
            }
            built
        })
    };
    // Far longer than a page takes, short enough that a stalled one fails the test quickly.
    let c = reqwest::Client::builder().timeout(std::time::Duration::from_secs(20)).build().expect("client");
    let mut stalled = Vec::new();
    for i in 0..40 {
        let path = ["/lookup", "/catalog", "/hotline", "/surveys"][i % 4];
        match c.get(app.url(path)).send().await {
            Ok(res) => {
                let status = res.status();
                match res.text().await {
                    Ok(body) if status == StatusCode::OK && body.contains("</html>") => {}
                    Ok(body) => stalled.push(format!("{path}: status {status}, {} bytes, not a whole page", body.len())),
                    Err(e) => stalled.push(format!("{path}: {e}")),
                }
            }
            Err(e) => stalled.push(format!("{path}: {e}")),
        }
        if stalled.len() >= 2 {
            break;
        }
    }
    stop.store(true, Ordering::Relaxed);
    let built = builder.await.expect("builder");
    assert!(built > 0, "no other server was built while the pages rendered");
    assert!(stalled.is_empty(), "pages stalled while another server was built:\n{}", stalled.join("\n"));
    app.stop().await;
}
