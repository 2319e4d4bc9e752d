//! Load (issue #11), run by `make load` (scripts/load.sh), not by `make test`: LOAD_CLIENTS
//! concurrent clients (500) for LOAD_SECS seconds (60) against the release binary, mixing page
//! reads, lookups and submissions. Reports requests, shed requests (503 + Retry-After, which the
//! clients honour) and server errors, then checks that every acknowledged submission is stored.

use crate::common::{TestDb, application_form};
use crate::durability::{free_port, ready, start};
use gongkai::server::Db;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const KINDS: [&str; 6] = ["submission", "catalog list", "catalog entry", "search", "live board", "home"];

#[derive(Default)]
struct Counts {
    ok: AtomicU64,
    shed: AtomicU64,
    client_errors: AtomicU64,
    server_errors: AtomicU64,
    failed: AtomicU64,
    /// Why requests got no answer, counted by kind of failure.
    why: std::sync::Mutex<std::collections::BTreeMap<String, u64>>,
    /// Milliseconds per answered request, by kind.
    millis: std::sync::Mutex<[Vec<u32>; 6]>,
}

impl Counts {
    fn took(&self, kind: usize, since: Instant) {
        let ms = since.elapsed().as_millis().min(u32::MAX as u128) as u32;
        self.millis.lock().unwrap()[kind].push(ms);
    }
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "minutes long: run with `make load`"]
async fn load_many_clients_mixing_reads_and_submissions() {
    let (clients, secs) = (env("LOAD_CLIENTS", 500), env("LOAD_SECS", 60));
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start(&db.url, port);
    ready(port).await;
    let pool = Db::connect(&db.url, 2).await.unwrap();
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&pool.pool).await.unwrap();
    let entries: Vec<(i64,)> = sqlx::query_as("SELECT id FROM catalog_entries WHERE state = 'published' ORDER BY id LIMIT 50").fetch_all(&pool.pool).await.unwrap();
    let entries: Arc<Vec<i64>> = Arc::new(entries.into_iter().map(|e| e.0).collect());
    let counts = Arc::new(Counts::default());
    let acked: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::builder().pool_max_idle_per_host(clients as usize).timeout(Duration::from_secs(30)).build().unwrap();
    let end = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, base, counts, acked, entries) = (http.clone(), base.clone(), counts.clone(), acked.clone(), entries.clone());
        tasks.push(tokio::spawn(async move {
            let mut n: u64 = 0;
            while Instant::now() < end {
                n += 1;
                let pick = (c * 7919 + n * 104_729) % 10;
                let kind = [0, 0, 1, 1, 2, 2, 2, 3, 4, 5][pick as usize];
                let started = Instant::now();
                let req = match pick {
                    0 | 1 => {
                        // A submission, one in five requests: a deadline-day rush.
                        let token = format!("{:016x}{:016x}", c, n);
                        let fields = application_form(&token, unit, &format!("压力测试申请 {c}-{n}"));
                        match http.post(format!("{base}/api/apply/submit")).form(&fields).send().await {
                            Ok(r) if r.status().is_success() => {
                                counts.ok.fetch_add(1, Ordering::Relaxed);
                                counts.took(kind, started);
                                acked.lock().unwrap().push(token);
                                continue;
                            }
                            other => other,
                        }
                    }
                    2 | 3 => http.get(format!("{base}/catalog?page={}", n % 20 + 1)).send().await,
                    4 | 5 | 6 => http.get(format!("{base}/catalog/{}", entries[(n as usize) % entries.len().max(1)])).send().await,
                    7 => http.get(format!("{base}/catalog?q=%E7%A4%BE%E4%BF%9D")).send().await,
                    8 => http.post(format!("{base}/api/lookup/board")).send().await,
                    _ => http.get(format!("{base}/")).send().await,
                };
                match req {
                    Ok(r) if r.status().as_u16() == 503 => {
                        counts.shed.fetch_add(1, Ordering::Relaxed);
                        let wait = r.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(1);
                        tokio::time::sleep(Duration::from_secs(wait)).await;
                    }
                    Ok(r) if r.status().is_server_error() => {
                        counts.server_errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(r) if r.status().is_client_error() => {
                        counts.client_errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(r) => {
                        let _ = r.bytes().await;
                        counts.ok.fetch_add(1, Ordering::Relaxed);
                        counts.took(kind, started);
                    }
                    Err(e) => {
                        counts.failed.fetch_add(1, Ordering::Relaxed);
                        let secs_in = secs - end.saturating_duration_since(Instant::now()).as_secs();
                        let why = if e.is_timeout() { "timeout".to_owned() } else if e.is_connect() { "connect".to_owned() } else {
                            let s = format!("{e:?}");
                            s.rsplit("source: ").next().unwrap_or("").chars().take(80).collect()
                        };
                        let why = format!("{why} (at {}0 s)", secs_in / 10);
                        *counts.why.lock().unwrap().entry(why).or_default() += 1;
                    }
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let acked = acked.lock().unwrap().clone();
    let mut lost = 0;
    for token in &acked {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE submit_key = $1").bind(token).fetch_one(&pool.pool).await.unwrap();
        if n != 1 {
            lost += 1;
        }
    }
    let peak_rss = std::fs::read_to_string(format!("/proc/{}/status", server.id()))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_owned()))
        .unwrap_or_else(|| "?".into());
    server.kill().ok();
    let _ = server.wait();
    let g = |a: &AtomicU64| a.load(Ordering::Relaxed);
    let total = g(&counts.ok) + g(&counts.shed) + g(&counts.client_errors) + g(&counts.server_errors) + g(&counts.failed);
    println!("load: {clients} clients for {secs} s");
    println!("  requests        {total} ({:.0}/s)", total as f64 / secs as f64);
    println!("  answered        {}", g(&counts.ok));
    println!("  shed (503)      {}", g(&counts.shed));
    println!("  client errors   {}", g(&counts.client_errors));
    println!("  server errors   {}", g(&counts.server_errors));
    println!("  no answer       {}", g(&counts.failed));
    for (why, n) in counts.why.lock().unwrap().iter() {
        println!("    {n:>6}  {why}");
    }
    println!("  submissions     {} acknowledged, {lost} lost", acked.len());
    println!("  server peak RSS {peak_rss} kB");
    println!("  latency of answered requests (ms): kind, count, p50, p99, max");
    for (kind, ms) in KINDS.iter().zip(counts.millis.lock().unwrap().iter_mut()) {
        ms.sort_unstable();
        let at = |q: f64| ms.get(((ms.len() as f64 * q) as usize).min(ms.len().saturating_sub(1))).copied().unwrap_or(0);
        println!("    {kind:<14} {:>6} {:>6} {:>6} {:>6}", ms.len(), at(0.5), at(0.99), ms.last().copied().unwrap_or(0));
    }
    assert_eq!(g(&counts.server_errors), 0, "no 5xx besides shedding");
    assert_eq!(g(&counts.failed), 0, "every request is answered");
    assert_eq!(lost, 0, "every acknowledged submission is stored");
    assert!(!acked.is_empty());
}
