//! The working-day calendar: read by staff, changed by administrators, used by the deadline engine.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, named};
use gongkai::domain::deadline::{self, CaseEvent, DeadlineRules};
use reqwest::StatusCode;
use time::macros::date;

async fn year(app: &TestApp, c: &reqwest::Client, y: i32) -> reqwest::Response {
    c.post(app.url("/api/calendar/year")).form(&[("year", y.to_string())]).send().await.unwrap()
}

async fn set(app: &TestApp, c: &reqwest::Client, date: &str, kind: &str, note: &str) -> reqwest::Response {
    c.post(app.url("/api/calendar/set")).form(&[("date", date), ("kind", kind), ("note", note)]).send().await.unwrap()
}

async fn clear(app: &TestApp, c: &reqwest::Client, date: &str) -> reqwest::Response {
    c.post(app.url("/api/calendar/clear")).form(&[("date", date)]).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_the_calendar_and_only_administrators_change_it() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;

    assert_eq!(year(&app, &client(), 2026).await.status(), StatusCode::UNAUTHORIZED);

    let officer = client();
    login(&app, &officer, "officer.edu", DEMO_PASSWORD).await;
    let cal: serde_json::Value = year(&app, &officer, 2026).await.json().await.unwrap();
    assert_eq!(cal["year"], 2026);
    let days = cal["days"].as_array().unwrap();
    assert!(days.iter().any(|d| d["date"] == "2026-10-01" && d["kind"] == "Holiday"));
    assert!(days.iter().any(|d| d["date"] == "2026-02-14" && d["kind"] == "MakeUpWorkday"));
    assert_eq!(set(&app, &officer, "2026-12-24", "holiday", "").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(clear(&app, &officer, "2026-10-01").await.status(), StatusCode::FORBIDDEN);

    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    assert_eq!(set(&app, &admin, "2026-12-24", "holiday", "县庆").await.status(), StatusCode::OK);
    let cal: serde_json::Value = year(&app, &officer, 2026).await.json().await.unwrap();
    assert!(cal["days"].as_array().unwrap().iter().any(|d| d["date"] == "2026-12-24" && d["note"] == "县庆"));

    assert_eq!(clear(&app, &admin, "2026-12-24").await.status(), StatusCode::OK);
    assert_eq!(clear(&app, &admin, "2026-12-24").await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_calendar_input_gets_field_errors_and_changes_nothing() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    let before: serde_json::Value = year(&app, &admin, 2026).await.json().await.unwrap();

    for (date, kind, note, expect) in [
        ("2026-13-01", "holiday", "", "DateInvalid"),
        ("", "holiday", "", "FieldRequired"),
        ("1800-01-01", "holiday", "", "DateInvalid"),
        ("2026-12-01'; DROP TABLE calendar_days; --", "holiday", "", "DateInvalid"),
        ("2026-12-01", "weekend", "", "FieldRequired"),
        ("2026-12-01", "holiday", &"长".repeat(101), "NoteTooLong"),
        ("2026-12-01", "holiday", "a\u{0}b", "NoteTooLong"),
    ] {
        let res = set(&app, &admin, date, kind, note).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{date} {kind}");
        assert!(named(res).await.contains(expect), "{date} {kind} → {expect}");
    }
    let after: serde_json::Value = year(&app, &admin, 2026).await.json().await.unwrap();
    assert_eq!(before, after);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_are_counted_on_the_stored_calendar() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let cal = gongkai::calendar::store::load(&app.db).await.unwrap();
    // Received Monday 28 Sep 2026: 1–7 Oct are off and Saturday 10 Oct is a make-up working day,
    // so the 20th working day is Friday 30 Oct (on weekdays alone it would be Monday 26 Oct).
    let d = deadline::compute(&[CaseEvent::Received(date!(2026 - 09 - 28))], &cal, &DeadlineRules::default()).unwrap();
    assert_eq!(d.due, Some(date!(2026 - 10 - 30)));
    app.stop().await;
}
