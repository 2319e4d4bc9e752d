//! Durability (issue #11): the server process is killed with SIGKILL while 1,000 submissions are
//! in flight. After a restart every submission that was answered with a tracking number is
//! stored, intact, and none is stored twice.

use crate::common::{TestDb, application_form};
use gongkai::server::Db;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SUBMISSIONS: usize = 1000;

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The release binary itself, as production runs it.
pub(crate) fn start(url: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("GONGKAI_DEMO", "1")
        .env("GONGKAI_SUBMIT_PER_ADDRESS", "100000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts")
}

pub(crate) async fn ready(port: u16) {
    let c = reqwest::Client::new();
    for _ in 0..600 {
        if c.get(format!("http://127.0.0.1:{port}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up within 60 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_submission_survives_a_kill_9_and_none_is_doubled() {
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start(&db.url, port);
    ready(port).await;
    let pool = Db::connect(&db.url, 2).await.expect("connect");
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&pool.pool).await.unwrap();

    // (token, subject, tracking) of every submission the server acknowledged.
    let acked: Arc<Mutex<Vec<(String, String, String)>>> = Arc::default();
    let client = reqwest::Client::builder().pool_max_idle_per_host(64).build().unwrap();
    let url = format!("http://127.0.0.1:{port}/api/apply/submit");
    let mut tasks = Vec::with_capacity(SUBMISSIONS);
    for i in 0..SUBMISSIONS {
        let (client, url, acked) = (client.clone(), url.clone(), acked.clone());
        tasks.push(tokio::spawn(async move {
            let token = format!("{:032x}", 0xd0_0000_u128 + i as u128);
            let subject = format!("耐久性测试申请第{i}号：县城区道路改造工程批复文件");
            let fields = application_form(&token, unit, &subject);
            let Ok(res) = client.post(&url).form(&fields).send().await else { return };
            if res.status().is_success() {
                if let Ok(tracking) = res.json::<String>().await {
                    acked.lock().unwrap().push((token, subject, tracking));
                }
            }
        }));
    }
    // Kill once a good part has been answered, with the rest still in flight.
    for _ in 0..3000 {
        if acked.lock().unwrap().len() >= SUBMISSIONS / 5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    let at_kill = acked.lock().unwrap().len();
    for t in tasks {
        let _ = t.await;
    }
    let acked = acked.lock().unwrap().clone();
    assert!(at_kill > 0 && acked.len() < SUBMISSIONS, "the kill came while submissions were in flight ({} answered)", acked.len());
    pool.pool.close().await;

    // Restart on the same database: everything answered is there, exactly once.
    let port = free_port();
    let mut server = start(&db.url, port);
    ready(port).await;
    let pool = Db::connect(&db.url, 2).await.expect("connect");
    for (token, subject, tracking) in &acked {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT tracking, subject FROM cases WHERE submit_key = $1").bind(token).fetch_all(&pool.pool).await.unwrap();
        assert_eq!(rows, vec![(tracking.replace('-', ""), subject.clone())], "submission {token} is stored once and intact");
    }
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE subject LIKE '耐久性测试申请%'").fetch_one(&pool.pool).await.unwrap();
    let (keys,): (i64,) =
        sqlx::query_as("SELECT COUNT(DISTINCT submit_key) FROM cases WHERE subject LIKE '耐久性测试申请%'").fetch_one(&pool.pool).await.unwrap();
    assert_eq!(stored, keys, "no submission is stored twice");
    assert!(stored as usize >= acked.len());
    println!(
        "durability: {SUBMISSIONS} sent, {} answered when killed, {} answered in all, {} stored after restart ({} committed but unanswered)",
        at_kill,
        acked.len(),
        stored,
        stored as usize - acked.len()
    );
    server.kill().ok();
    let _ = server.wait();
    pool.pool.close().await;
}
