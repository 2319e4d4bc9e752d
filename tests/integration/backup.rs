//! Backup and restore (issue #11): an online backup taken while the portal serves, restored into
//! an empty database, holds every table row for row and byte for byte — attachments included —
//! and the restored portal serves the same file.

use crate::common::{TestApp, TestDb, application_form, client};
use gongkai::server::Db;
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::{Column, Row};

/// Every table's rows as text (blobs as hex), sorted, by table name.
async fn content(db: &Db) -> Vec<(String, Vec<String>)> {
    let tables: Vec<(String,)> = match db.backend {
        gongkai::server::db::Backend::Sqlite => {
            sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        gongkai::server::db::Backend::Postgres => sqlx::query_as(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
        ),
    }
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for (table,) in tables {
        // The restore records itself in the restored audit log; everything else must match. On
        // SQLite the migrations' install time is a type the Any driver does not read.
        let filter = if table == "audit_log" { " WHERE action <> 'restore'" } else { "" };
        if db.backend == gongkai::server::db::Backend::Postgres {
            // Every column as PostgreSQL writes it out (bytea as hex, tsvector, timestamps).
            let q = format!("SELECT row_to_json(t)::text FROM {table} t{filter}");
            let mut lines: Vec<String> = sqlx::query_as::<_, (String,)>(&q).fetch_all(&db.pool).await.unwrap().into_iter().map(|r| r.0).collect();
            lines.sort();
            out.push((table, lines));
            continue;
        }
        let q = match table.as_str() {
            "_sqlx_migrations" => "SELECT version, description, CAST(success AS INTEGER) AS success, checksum FROM _sqlx_migrations".to_owned(),
            t => format!("SELECT * FROM {t}{filter}"),
        };
        let rows = sqlx::query(&q).fetch_all(&db.pool).await.unwrap();
        let mut lines: Vec<String> = rows
            .iter()
            .map(|row| {
                (0..row.columns().len())
                    .map(|i| {
                        let name = row.column(i).name().to_owned();
                        let value = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
                            v.map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>()).unwrap_or_default()
                        } else if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
                            format!("{v:?}")
                        } else {
                            panic!("{table}.{name}: a column type the comparison does not read")
                        };
                        format!("{name}={value}")
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        lines.sort();
        out.push((table, lines));
    }
    out
}

fn gongkai(url: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gongkai")).args(args).env("DATABASE_URL", url).env("RUST_LOG", "warn").output().expect("runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_backup_restores_every_row_and_attachment_byte_for_byte() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    // A citizen files a request and attaches a document.
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    let citizen = client();
    let fields = application_form("b4c0ffee000000000000000000000001", unit, "备份恢复测试：县城区道路改造工程批复文件");
    let t: String = citizen.post(app.url("/api/apply/submit")).form(&fields).send().await.unwrap().json().await.unwrap();
    let receipt: Value = citizen.post(app.url("/api/apply/receipt")).form(&[("tracking", &t)]).send().await.unwrap().json().await.unwrap();
    let code = receipt["query_code"].as_str().unwrap().to_owned();
    let pdf = [b"%PDF-1.4\n".to_vec(), (0..=255u8).cycle().take(300_000).collect()].concat();
    let form = reqwest::multipart::Form::new()
        .text("t", t.clone())
        .text("c", code.clone())
        .part("file", reqwest::multipart::Part::bytes(pdf.clone()).file_name("材料.pdf").mime_str("application/pdf").unwrap());
    assert_eq!(citizen.post(app.url("/lookup/files")).multipart(form).send().await.unwrap().status(), StatusCode::SEE_OTHER);

    // The start-up housekeeping (the day's self-audit) has written what it writes, so that the
    // copy and the live database are compared at rest.
    for _ in 0..100 {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM self_audits").fetch_one(&app.db.pool).await.unwrap();
        if n > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Backed up while the server runs; the file must be new.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gongkai.backup");
    let out = gongkai(&db.url, &["backup", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = gongkai(&db.url, &["backup", "--out", file.to_str().unwrap()]);
    assert!(!again.status.success(), "an existing backup is never overwritten");
    app.stop().await;

    // Restored into an empty database; a second restore over it needs --force.
    let target = TestDb::new().await;
    let out = gongkai(&target.url, &["restore", "--from", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = gongkai(&target.url, &["restore", "--from", file.to_str().unwrap()]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--force"));

    let original = Db::connect(&db.url, 1).await.unwrap();
    let restored = Db::connect(&target.url, 1).await.unwrap();
    let (a, b) = (content(&original).await, content(&restored).await);
    assert!(a.len() > 30, "every table is compared: {}", a.len());
    for ((ta, ra), (tb, rb)) in a.iter().zip(b.iter()) {
        assert_eq!(ta, tb);
        assert_eq!(ra.len(), rb.len(), "{ta}: row count");
        assert!(ra == rb, "{ta}: rows differ after the restore");
    }
    assert_eq!(a.len(), b.len());
    let rows: usize = a.iter().map(|t| t.1.len()).sum();
    println!("backup round trip: {} tables, {rows} rows equal", a.len());
    original.pool.close().await;
    restored.pool.close().await;

    // The restored portal serves the attachment as it was uploaded.
    let app = TestApp::start(&target.url).await;
    let seen: Value = citizen.post(app.url("/api/lookup/find")).form(&[("t", &t), ("c", &code)]).send().await.unwrap().json().await.unwrap();
    let file_id = seen["files"][0]["id"].as_i64().expect("the attachment is there");
    let res = citizen.get(app.url(&format!("/lookup/files/{file_id}?t={t}&c={code}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_is_append_only_in_the_database_itself() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    gongkai::server::audit::record(&app.db, None, "matrix-check", "appended").await.unwrap();
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log").fetch_one(&app.db.pool).await.unwrap();
    assert!(n > 0);
    for sql in ["UPDATE audit_log SET detail = 'rewritten'", "DELETE FROM audit_log"] {
        let err = sqlx::query(sql).execute(&app.db.pool).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let (after,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(after, n);
    app.stop().await;
}
