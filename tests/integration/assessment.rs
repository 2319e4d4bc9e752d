//! Performance assessment: publishing-frequency scores and rankings from stored entries; the
//! daily self-audit, with the clock moved to trigger and clear each veto rule; the six
//! dimensions; and the written parts of the yearly report.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login};
use gongkai::server::Config;
use reqwest::StatusCode;
use serde_json::Value;
use time::Date;
use time::macros::date;

/// The demo county is created on this day; every later day is reached by restarting the server
/// with its clock moved.
const SEEDED: Date = date!(2026 - 12 - 01);

async fn app_on(db: &TestDb, today: Date) -> TestApp {
    let mut config = Config::for_database(&db.url);
    config.today = Some(today);
    TestApp::start_with(config).await
}

async fn staff(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(login(app, &c, user, DEMO_PASSWORD).await.status(), StatusCode::OK);
    c
}

async fn post(app: &TestApp, c: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    c.post(app.url(path)).form(form).send().await.unwrap()
}

async fn json(app: &TestApp, c: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> Value {
    let res = post(app, c, path, form).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

async fn unit(app: &TestApp, short_name: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = $1").bind(short_name).fetch_one(&app.db.pool).await.unwrap();
    id
}

/// Stores a published entry of `unit` in column `topic`, first published on `on`.
async fn publish(app: &TestApp, unit: i64, topic: &str, on: Date) {
    sqlx::query(
        "INSERT INTO catalog_entries (unit_id, state, title, published_on, updated_on, topic, genre, audience, created_at) \
         VALUES ($1, 'published', '考核测试条目', $2, $2, $3, 'notice', 'citizens', 0)",
    )
    .bind(unit)
    .bind(on.to_string())
    .bind(topic)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

fn score_of<'a>(scores: &'a Value, unit_name: &str) -> &'a Value {
    scores["units"].as_array().unwrap().iter().find(|u| u["unit_name"] == unit_name).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn units_are_scored_on_what_they_published_against_the_minimums_and_ranked() {
    let db = TestDb::new().await;
    app_on(&db, SEEDED).await.stop().await;
    // A later day than any demo entry: only what the test publishes counts.
    let app = app_on(&db, date!(2031 - 03 - 15)).await;
    let admin = staff(&app, "admin").await;
    let (fgw, edu) = (unit(&app, "发展和改革委员会").await, unit(&app, "教育体育局").await);
    let (fgw_name, edu_name): (String, String) = (
        sqlx::query_as::<_, (String,)>("SELECT name FROM units WHERE id = $1").bind(fgw).fetch_one(&app.db.pool).await.unwrap().0,
        sqlx::query_as::<_, (String,)>("SELECT name FROM units WHERE id = $1").bind(edu).fetch_one(&app.db.pool).await.unwrap().0,
    );

    // The demo county comes with minimums; this test sets its own.
    let demo = json(&app, &admin, "/api/assessment/scores", &[]).await;
    assert_eq!(demo["rules"].as_array().unwrap().len(), 5);
    sqlx::query("DELETE FROM assessment_rules").execute(&app.db.pool).await.unwrap();
    let none = json(&app, &admin, "/api/assessment/scores", &[]).await;
    assert!(none["rules"].as_array().unwrap().is_empty());
    assert!(score_of(&none, &fgw_name)["score"].is_null(), "no rule, no score");

    // Bad values are refused field by field, and nothing is saved.
    let bad = post(&app, &admin, "/api/assessment/rule", &[("topic", "finance"), ("kind", "department"), ("period", "week"), ("minimum", "0"), ("weight", "101")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors: Value = bad.json().await.unwrap();
    let text = errors.to_string();
    for field in ["period", "minimum", "weight"] {
        assert!(text.contains(&format!("\"{field}\"")), "{field} refused: {text}");
    }
    assert!(json(&app, &admin, "/api/assessment/scores", &[]).await["rules"].as_array().unwrap().is_empty());

    // Only site administrators set rules.
    let officer = staff(&app, "officer.fgw").await;
    let refused = post(&app, &officer, "/api/assessment/rule", &[("topic", "finance"), ("kind", "department"), ("period", "month"), ("minimum", "2"), ("weight", "10")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(post(&app, &client(), "/api/assessment/scores", &[]).await.status(), StatusCode::UNAUTHORIZED);

    for (topic, period, minimum, weight) in [("finance", "month", "2", "10"), ("education", "quarter", "1", "30")] {
        let res = post(&app, &admin, "/api/assessment/rule", &[("topic", topic), ("kind", "department"), ("period", period), ("minimum", minimum), ("weight", weight)]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    publish(&app, fgw, "finance", date!(2031 - 03 - 02)).await;
    publish(&app, fgw, "finance", date!(2031 - 02 - 27)).await; // last month: not this one's
    publish(&app, edu, "finance", date!(2031 - 03 - 01)).await;
    publish(&app, edu, "finance", date!(2031 - 03 - 10)).await;
    publish(&app, edu, "finance", date!(2031 - 03 - 15)).await; // more than the minimum counts as the minimum
    publish(&app, edu, "education", date!(2031 - 01 - 05)).await; // this quarter
    publish(&app, edu, "finance", date!(2031 - 03 - 16)).await; // after the day scored

    let scores = json(&app, &admin, "/api/assessment/scores", &[]).await;
    assert_eq!(scores["day"], "2031-03-15");
    // 教育体育局: 10 × 2/2 + 30 × 1/1 = 40 of 40. 发改委: 10 × 1/2 + 0 = 5 of 40 = 12.5.
    let (e, f) = (score_of(&scores, &edu_name), score_of(&scores, &fgw_name));
    assert_eq!((e["score"].as_i64(), e["rank"].as_i64()), (Some(1000), Some(1)));
    assert_eq!((f["score"].as_i64(), f["rank"].as_i64()), (Some(125), Some(2)));
    let finance = f["results"].as_array().unwrap().iter().find(|r| r["period"] == "Month").unwrap();
    assert_eq!((finance["published"].as_i64(), finance["minimum"].as_i64()), (Some(1), Some(2)));
    assert_eq!((finance["from"].as_str(), finance["until"].as_str()), (Some("2031-03-01"), Some("2031-03-31")), "missing entries are due by the month's end");
    let education = f["results"].as_array().unwrap().iter().find(|r| r["period"] == "Quarter").unwrap();
    assert_eq!(education["until"], "2031-03-31");
    // Every other department shares third place with nothing published; townships are not scored.
    let others: Vec<&Value> = scores["units"].as_array().unwrap().iter().filter(|u| u["kind"] == "Department" && u["score"] == 0).collect();
    assert!(!others.is_empty() && others.iter().all(|u| u["rank"] == 3));
    assert!(scores["units"].as_array().unwrap().iter().filter(|u| u["kind"] == "Township").all(|u| u["score"].is_null() && u["rank"].is_null()));

    // An earlier day is scored on its own periods: February counts the entry of the 27th.
    let feb = json(&app, &admin, "/api/assessment/scores", &[("as_of", "2031-02-28")]).await;
    assert_eq!(score_of(&feb, &fgw_name)["score"], 125);
    assert_eq!(score_of(&feb, &edu_name)["score"], 750, "30 for education (January) + 0 of 10 for finance");
    let future = post(&app, &admin, "/api/assessment/scores", &[("as_of", "2031-03-16")]).await;
    assert_eq!(future.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The unit's own staff see it as their own; a replaced rule rescored at once.
    let own = json(&app, &officer, "/api/assessment/scores", &[]).await;
    assert_eq!(own["own"], serde_json::json!([fgw]));
    assert_eq!(own["can_edit"], false);
    assert_eq!(post(&app, &admin, "/api/assessment/rule", &[("topic", "finance"), ("kind", "department"), ("period", "month"), ("minimum", "1"), ("weight", "10")]).await.status(), StatusCode::OK);
    let rescored = json(&app, &admin, "/api/assessment/scores", &[]).await;
    assert_eq!(rescored["rules"].as_array().unwrap().len(), 2, "the same column and kind replace the rule");
    assert_eq!(score_of(&rescored, &fgw_name)["score"], 250);
    assert_eq!(post(&app, &admin, "/api/assessment/rule_remove", &[("topic", "education"), ("kind", "department")]).await.status(), StatusCode::OK);
    let after = json(&app, &admin, "/api/assessment/scores", &[]).await;
    assert_eq!(score_of(&after, &fgw_name)["score"], 1000);
    assert_eq!(post(&app, &admin, "/api/assessment/rule_remove", &[("topic", "education"), ("kind", "department")]).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Today's self-audit as the dashboard shows it.
async fn audit(app: &TestApp, c: &reqwest::Client) -> Value {
    json(app, c, "/api/assessment/overview", &[]).await
}

fn vetoes(v: &Value) -> Vec<String> {
    v["audit"]["vetoes"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect()
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["audit"]["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).collect()
}

const TOPICS: [&str; 19] = [
    "gov-org", "general", "economy", "finance", "land", "agriculture", "industry", "commerce", "market", "construction", "education",
    "culture", "health", "population", "labour", "justice", "civil", "ethnic", "other",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_self_audit_triggers_and_clears_each_veto_rule_as_the_clock_moves() {
    let db = TestDb::new().await;
    let app = app_on(&db, SEEDED).await;
    let fgw = unit(&app, "发展和改革委员会").await;
    // A clean site: every column fresh, every valid letter answered.
    for t in TOPICS {
        publish(&app, fgw, t, SEEDED).await;
    }
    sqlx::query("UPDATE letters SET answered_on = filed_on, status = 'answered' WHERE answered_on IS NULL AND status NOT IN ('rejected', 'merged')")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let admin = staff(&app, "admin").await;
    assert_eq!(post(&app, &client(), "/api/assessment/overview", &[]).await.status(), StatusCode::UNAUTHORIZED);
    let clean = audit(&app, &admin).await;
    assert_eq!(vetoes(&clean), Vec::<String>::new());
    assert_eq!(clean["audit"]["findings"], serde_json::json!([]));
    app.stop().await;

    // Two weeks later nothing has changed: still fine. One day more: the home page is stale.
    let app = app_on(&db, date!(2026 - 12 - 15)).await;
    let admin = staff(&app, "admin").await;
    assert_eq!(vetoes(&audit(&app, &admin).await), Vec::<String>::new());
    app.stop().await;
    let day = date!(2026 - 12 - 16);
    let app = app_on(&db, day).await;
    let admin = staff(&app, "admin").await;
    let stale = audit(&app, &admin).await;
    assert_eq!(vetoes(&stale), vec!["HomeStale"]);
    assert_eq!(findings(&stale, "HomeStale")[0]["since"], "2026-12-01");
    // Five news columns are stale after two weeks too.
    for t in &TOPICS[..5] {
        assert_eq!(post(&app, &admin, "/api/assessment/column", &[("topic", t), ("class", "news")]).await.status(), StatusCode::OK);
    }
    let news = audit(&app, &admin).await;
    assert_eq!(vetoes(&news), vec!["HomeStale", "ColumnsStale"]);
    let columns: Vec<&str> = findings(&news, "ColumnsStale").iter().map(|f| f["subject"].as_str().unwrap()).collect();
    assert_eq!(columns, TOPICS[..5].to_vec());
    assert!(findings(&news, "ColumnsStale").iter().all(|f| f["responsible"].as_str().unwrap().contains("发展和改革委员会")));
    // One publication today updates the home page and one of the five: both cleared, four listed.
    publish(&app, fgw, TOPICS[0], day).await;
    let fixed = audit(&app, &admin).await;
    assert_eq!(vetoes(&fixed), Vec::<String>::new());
    assert_eq!(findings(&fixed, "ColumnsStale").len(), 4);
    // The 90-day history holds the days checked: the seeding day clean, today's latest check.
    let history = fixed["history"].as_array().unwrap();
    assert_eq!(history.len(), 90);
    assert_eq!(history.last().unwrap()[0], "2026-12-16");
    assert_eq!(history.iter().find(|h| h[0] == "2026-12-01").unwrap()[1], serde_json::json!([0, 0]));
    assert_eq!(history.last().unwrap()[1][0], 0);
    assert!(history.iter().find(|h| h[0] == "2026-12-10").unwrap()[1].is_null(), "a day nobody checked");
    // The six dimensions, with the self-audit feeding 信息安全.
    let dims = fixed["dimensions"].as_array().unwrap();
    assert_eq!(dims.len(), 6);
    assert!(dims[4]["score"].is_null(), "资源共享: the portal holds no data");
    assert!(dims[5]["figures"][0][1].as_str().unwrap().starts_with("3 / 3"), "{}", dims[5]);
    app.stop().await;

    // Six months on, every notice column is stale; fresh entries in each clear it.
    let day = date!(2027 - 06 - 17);
    let app = app_on(&db, day).await;
    let admin = staff(&app, "admin").await;
    let notices = audit(&app, &admin).await;
    assert!(vetoes(&notices).contains(&"ColumnsStale".to_owned()), "{notices}");
    for t in TOPICS {
        publish(&app, fgw, t, day).await;
    }
    assert_eq!(vetoes(&audit(&app, &admin).await), Vec::<String>::new());

    // Five empty columns veto the site; publishing in one of them clears it.
    sqlx::query("UPDATE catalog_entries SET topic = 'other' WHERE topic IN ('land', 'agriculture', 'industry', 'commerce', 'market')")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let empty = audit(&app, &admin).await;
    assert_eq!(vetoes(&empty), vec!["ColumnsEmpty"]);
    assert_eq!(findings(&empty, "ColumnsEmpty").len(), 5);
    publish(&app, fgw, "land", day).await;
    let four = audit(&app, &admin).await;
    assert_eq!(vetoes(&four), Vec::<String>::new());
    assert_eq!(findings(&four, "ColumnsEmpty").len(), 4);
    for t in ["agriculture", "industry", "commerce", "market"] {
        publish(&app, fgw, t, day).await;
    }

    // A valid letter unanswered for exactly three months is not yet late; a day later it is.
    let (letter, tracking): (i64, String) = sqlx::query_as("SELECT id, tracking FROM letters ORDER BY id LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    sqlx::query("UPDATE letters SET answered_on = NULL, status = 'routed', filed_on = '2027-03-17' WHERE id = $1")
        .bind(letter)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(vetoes(&audit(&app, &admin).await), Vec::<String>::new());
    app.stop().await;
    let app = app_on(&db, date!(2027 - 06 - 18)).await;
    let admin = staff(&app, "admin").await;
    publish(&app, fgw, "general", date!(2027 - 06 - 18)).await;
    let late = audit(&app, &admin).await;
    assert_eq!(vetoes(&late), vec!["LetterUnanswered"]);
    let f = findings(&late, "LetterUnanswered");
    assert_eq!((f[0]["subject"].as_str(), f[0]["since"].as_str()), (Some(tracking.as_str()), Some("2027-03-17")));
    let (routed,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM letter_routes WHERE letter_id = $1").bind(letter).fetch_one(&app.db.pool).await.unwrap();
    if routed > 0 {
        assert!(!f[0]["responsible"].as_str().unwrap().is_empty(), "the routed units answer for it");
    }
    // A rejected letter does not count; nor does an answered one.
    sqlx::query("UPDATE letters SET status = 'rejected' WHERE id = $1").bind(letter).execute(&app.db.pool).await.unwrap();
    assert_eq!(vetoes(&audit(&app, &admin).await), Vec::<String>::new());
    // Any staff member may look; the daily run recorded today's state as well.
    let officer = staff(&app, "officer.edu").await;
    assert_eq!(post(&app, &officer, "/api/assessment/overview", &[]).await.status(), StatusCode::OK);
    let (days,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM self_audits").fetch_one(&app.db.pool).await.unwrap();
    assert!(days >= 5, "{days} days recorded");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reporting_body_writes_its_sections_and_the_public_report_shows_them() {
    let db = TestDb::new().await;
    let app = app_on(&db, SEEDED).await;
    let fgw = unit(&app, "发展和改革委员会").await.to_string();
    let edu = unit(&app, "教育体育局").await.to_string();
    let reviewer = staff(&app, "reviewer.fgw").await;
    let mut form: Vec<(String, String)> = vec![
        ("year".into(), "2026".into()),
        ("unit".into(), fgw.clone()),
        ("overview".into(), "本年度，我委坚持以公开为常态。\n全年主动公开信息。".into()),
        ("problems".into(), "公开内容还不够全面。".into()),
        ("other".into(), "本年度未收取信息处理费。".into()),
    ];
    for i in 0..12 {
        form.push((format!("r{i}"), (i % 3).to_string()));
    }
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();

    // Refused counts are reported per field and nothing is saved.
    let mut bad = refs.clone();
    bad.retain(|(k, _)| *k != "r3" && *k != "r7");
    bad.push(("r3", "-1"));
    bad.push(("r7", "很多"));
    let res = post(&app, &reviewer, "/api/reports/save", &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = res.text().await.unwrap();
    assert!(text.contains("\"r3\"") && text.contains("\"r7\""), "{text}");
    let public = json(&app, &client(), "/api/reports/annual", &[("year", "2026"), ("unit", &fgw)]).await;
    assert_eq!(public["texts"]["overview"], "");

    // Another unit's reviewer, and an officer, may not write it.
    let other = staff(&app, "reviewer.edu").await;
    assert_eq!(post(&app, &other, "/api/reports/save", &refs).await.status(), StatusCode::FORBIDDEN);
    let officer = staff(&app, "officer.fgw").await;
    assert_eq!(post(&app, &officer, "/api/reports/save", &refs).await.status(), StatusCode::FORBIDDEN);
    let mut county = refs.clone();
    county.retain(|(k, _)| *k != "unit");
    county.push(("unit", "0"));
    assert_eq!(post(&app, &reviewer, "/api/reports/save", &county).await.status(), StatusCode::FORBIDDEN);

    assert_eq!(post(&app, &reviewer, "/api/reports/save", &refs).await.status(), StatusCode::OK);
    let public = json(&app, &client(), "/api/reports/annual", &[("year", "2026"), ("unit", &fgw)]).await;
    assert_eq!(public["texts"]["overview"], "本年度，我委坚持以公开为常态。\n全年主动公开信息。");
    assert_eq!(public["texts"]["review"], serde_json::json!([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]));
    // The county's report and the other unit's are separate.
    assert_eq!(json(&app, &client(), "/api/reports/annual", &[("year", "2026"), ("unit", "")]).await["texts"]["overview"], "");
    assert_eq!(json(&app, &client(), "/api/reports/annual", &[("year", "2026"), ("unit", &edu)]).await["texts"]["problems"], "");
    // The page renders the paragraphs, escaped, and section 四 with its totals.
    let page = client().get(app.url(&format!("/catalog/reports/2026?unit={fgw}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("我委坚持以公开为常态。") && page.contains("公开内容还不够全面。"));
    assert!(page.contains("data-testid=\"review-table\""));
    let edit = json(&app, &reviewer, "/api/reports/edit", &[("year", "2026")]).await;
    assert_eq!((edit["unit"].as_i64(), edit["county"].as_bool()), (Some(fgw.parse().unwrap()), Some(false)));
    assert_eq!(edit["texts"]["problems"], "公开内容还不够全面。");
    let admin = staff(&app, "admin").await;
    assert_eq!(json(&app, &admin, "/api/reports/edit", &[("year", "2026")]).await["unit"], 0);
    app.stop().await;
}
