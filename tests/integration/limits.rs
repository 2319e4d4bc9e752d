//! Limits (issue #11): submissions per address, and load shed with 503 + Retry-After.

use crate::common::{TestApp, TestDb, application_form, client, named};
use gongkai::server::Config;
use reqwest::StatusCode;
use tokio::io::AsyncWriteExt;

async fn submit(app: &TestApp, unit: i64, n: u128) -> reqwest::Response {
    let fields = application_form(&format!("{:032x}", 0x5b_0000_u128 + n), unit, "县城区道路改造工程批复文件");
    client().post(app.url("/api/apply/submit")).form(&fields).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_files_a_limited_number_per_hour_and_a_retried_post_does_not_count() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.submit_per_address = 2;
    let app = TestApp::start_with(config).await;
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(submit(&app, unit, 1).await.status(), StatusCode::OK);
    assert_eq!(submit(&app, unit, 1).await.status(), StatusCode::OK, "the same form posted again is the same case");
    assert_eq!(submit(&app, unit, 2).await.status(), StatusCode::OK);
    let res = submit(&app, unit, 3).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(named(res).await.contains("SubmitThrottled"));
    // At the limit, a form filed before and posted again (a lost answer, a reload) is still
    // answered with its case, and counts nothing.
    let again = submit(&app, unit, 2).await;
    assert_eq!(again.status(), StatusCode::OK, "a retry of a filed form is not refused");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE subject = '县城区道路改造工程批复文件'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(n, 2);
    let (hits,): (i64,) = sqlx::query_as("SELECT hits FROM throttle WHERE key LIKE 'submit:%'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(hits, 2);
    // Letters share the address's allowance.
    let letter = [
        ("token", format!("{:032x}", 0x5c_0000_u128)),
        ("letter_type", "consult".into()),
        ("addressee", "mayor".into()),
        ("public_ok", "yes".into()),
        ("subject", "路灯不亮".into()),
        ("content", "青山路北段路灯已经一周不亮。".into()),
        ("name", "王秀英".into()),
        ("phone", "13800138000".into()),
    ];
    assert_eq!(client().post(app.url("/api/hotline/write")).form(&letter).send().await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_its_limit_the_server_sheds_requests_with_503_and_retry_after_but_answers_its_health_check() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.max_in_flight = 1;
    // One more may wait in line, for a fifth of a second; the rest are shed at once.
    config.max_queued = 1;
    config.queue_wait_ms = 200;
    let app = TestApp::start_with(config).await;
    // One request that stays in progress: its body never finishes arriving.
    let mut slow = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST /api/lookup/find HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nt=",
        app.addr
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    slow.flush().await.unwrap();
    let mut shed = None;
    for _ in 0..50 {
        let res = client().get(app.url("/catalog")).send().await.unwrap();
        if res.status() == StatusCode::SERVICE_UNAVAILABLE {
            shed = Some(res);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let res = shed.expect("a request past the limit is shed");
    assert_eq!(res.headers()["retry-after"], "2");
    assert!(res.text().await.unwrap().contains("服务繁忙"));
    assert_eq!(client().get(app.url("/healthz")).send().await.unwrap().status(), StatusCode::OK);
    drop(slow);
    // Once the slow request is gone, pages are served again.
    let mut served = false;
    for _ in 0..100 {
        if client().get(app.url("/catalog")).send().await.unwrap().status() == StatusCode::OK {
            served = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(served);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_filings_are_all_stored_and_each_counted_once() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.submit_per_address = 1000;
    let app = std::sync::Arc::new(TestApp::start_with(config).await);
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    let posts: Vec<_> = (0..40u128)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move { submit(&app, unit, 100 + n).await.status() })
        })
        .collect();
    for p in posts {
        assert_eq!(p.await.unwrap(), StatusCode::OK, "every filing is answered with its receipt");
    }
    let (cases,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE subject = '县城区道路改造工程批复文件'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(cases, 40);
    // The count against the address commits with each case.
    let (hits,): (i64,) = sqlx::query_as("SELECT hits FROM throttle WHERE key LIKE 'submit:%'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(hits, 40);
    let app = std::sync::Arc::into_inner(app).expect("no other owner");
    app.stop().await;
}
