//! Public ratings: once per finished case, a 差评 rectified and rated again, appeals decided by
//! an evaluator, and the public figures that follow from all of it.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, application_form, client, login, named};
use gongkai::server::Config;
use reqwest::StatusCode;
use serde_json::Value;

async fn signed_in(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(login(app, &c, user, DEMO_PASSWORD).await.status(), StatusCode::OK);
    c
}

/// Files an information request at 发改委 and returns (case id, tracking number, query code).
async fn filed(app: &TestApp, citizen: &reqwest::Client, n: u8) -> (i64, String, String) {
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    let token = format!("{:032x}", 0x7a7e_0000_u128 + u128::from(n));
    let fields = application_form(&token, unit, "县城区道路改造工程批复文件");
    let res = citizen.post(app.url("/api/apply/submit")).form(&fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let tracking: String = res.json().await.unwrap();
    let receipt: Value = citizen.post(app.url("/api/apply/receipt")).form(&[("tracking", &tracking)]).send().await.unwrap().json().await.unwrap();
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM cases WHERE submit_key = $1").bind(&token).fetch_one(&app.db.pool).await.unwrap();
    (id, tracking, receipt["query_code"].as_str().unwrap().to_owned())
}

async fn answer(app: &TestApp, officer: &reqwest::Client, id: i64) {
    let res = officer
        .post(app.url("/api/cases/act"))
        .form(&[("id", id.to_string()), ("action", "answer".into()), ("answer_type", "disclosed".into()), ("note", "已公开".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

async fn rate(app: &TestApp, c: &reqwest::Client, t: &str, code: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![("t", t), ("c", code)];
    form.extend_from_slice(fields);
    c.post(app.url("/api/ratings/rate")).form(&form).send().await.unwrap()
}

async fn public(app: &TestApp) -> Value {
    client().post(app.url("/api/ratings/public")).send().await.unwrap().json().await.unwrap()
}

fn unit_row<'a>(page: &'a Value, name: &str) -> Option<&'a Value> {
    page["units"].as_array().unwrap().iter().find(|r| r["name"].as_str().unwrap().contains(name))
}

async fn staff_rows(app: &TestApp, c: &reqwest::Client, appeals: bool) -> Value {
    let res = c.post(app.url("/api/ratings/staff")).form(&[("appeals", appeals.to_string())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn row_for<'a>(s: &'a Value, tracking: &str) -> Option<&'a Value> {
    s["rows"].as_array().unwrap().iter().find(|r| r["tracking"].as_str().unwrap().replace('-', "") == tracking.replace('-', ""))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_rating_is_rectified_rated_again_and_an_upheld_appeal_removes_it_from_public_figures_only() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let citizen = client();
    let officer = signed_in(&app, "officer.fgw").await;
    let (id, t, code) = filed(&app, &citizen, 1).await;
    let before = public(&app).await;
    let total_before = before["counts"].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).sum::<i64>();

    // Not before the case is finished; a 差评 needs a reason; then once only.
    let res = rate(&app, &citizen, &t, &code, &[("level", "satisfied")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    answer(&app, &officer, id).await;
    let res = rate(&app, &citizen, &t, &code, &[("level", "very_unsatisfied"), ("attitude", "9")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("comment") && body.contains("attitude"), "{body}");
    assert_eq!(rate(&app, &citizen, &t, &code, &[("level", "very_unsatisfied"), ("comment", "答复太慢，请回电13812345678"), ("efficiency", "1")]).await.status(), StatusCode::OK);
    let res = rate(&app, &citizen, &t, &code, &[("level", "very_satisfied")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "一事一评");
    assert!(named(res).await.contains("AlreadyRated"));
    let res = rate(&app, &citizen, &t, "WRONGCODE1", &[("level", "satisfied")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!named(res).await.contains("AlreadyRated"), "the neutral lookup message, nothing about the case");

    // The rectification is due 5 working days from today on the stored calendar.
    let cal = gongkai::calendar::store::load(&app.db).await.unwrap();
    let due = cal.add_working_days(Config::for_database("sqlite::memory:").today(), 5).to_string();
    let mine = staff_rows(&app, &officer, false).await;
    let row = row_for(&mine, &t).expect("the unit sees its rating");
    assert_eq!(row["rectification"]["state"], "Open");
    assert_eq!(row["rectification"]["due_on"], due.as_str());
    let rating_id = row["id"].as_i64().unwrap();
    let other = signed_in(&app, "officer.edu").await;
    assert!(row_for(&staff_rows(&app, &other, false).await, &t).is_none(), "another unit does not");
    let respond = |c: reqwest::Client, fields: Vec<(&'static str, String)>| {
        let url = app.url("/api/ratings/respond");
        async move { c.post(url).form(&fields).send().await.unwrap().status() }
    };
    let answer_fields = vec![
        ("id", rating_id.to_string()),
        ("explanation", "答复前需会商，未及时告知申请人。".into()),
        ("remedy", "已建立超期预警，提前告知进度。".into()),
        ("callback", "已电话回访。".into()),
    ];
    assert_eq!(respond(other.clone(), answer_fields.clone()).await, StatusCode::FORBIDDEN);
    assert_eq!(respond(officer.clone(), vec![("id", rating_id.to_string())]).await, StatusCode::UNPROCESSABLE_ENTITY);
    let after_bad = public(&app).await;
    assert_eq!(after_bad["counts"][4].as_i64().unwrap(), before["counts"][4].as_i64().unwrap() + 1);
    assert!(unit_row(&after_bad, "发展和改革委员会").is_some());
    let published = after_bad["comments"].to_string();
    assert!(published.contains("答复太慢，请回电138******78") && !published.contains("13812345678"), "numbers masked: {published}");

    // Answered, the citizen sees the reply and rates again; the second level is the one that counts.
    assert_eq!(respond(officer.clone(), answer_fields.clone()).await, StatusCode::OK);
    assert_eq!(respond(officer.clone(), answer_fields).await, StatusCode::UNPROCESSABLE_ENTITY, "answered once");
    let seen: Value = citizen.post(app.url("/api/lookup/find")).form(&[("t", &t), ("c", &code)]).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["rating"]["rectification"]["state"], "Answered");
    assert_eq!(seen["rating"]["rectification"]["remedy"], "已建立超期预警，提前告知进度。");
    let rerate = |level: &'static str| {
        let (c, url, t, code) = (citizen.clone(), app.url("/api/ratings/rerate"), t.clone(), code.clone());
        async move { c.post(url).form(&[("t", t.as_str()), ("c", code.as_str()), ("second_level", level)]).send().await.unwrap().status() }
    };
    assert_eq!(rerate("satisfied").await, StatusCode::OK);
    assert_eq!(rerate("very_satisfied").await, StatusCode::UNPROCESSABLE_ENTITY, "rated again once");
    let after_rerate = public(&app).await;
    assert_eq!(after_rerate["counts"][4], before["counts"][4]);
    assert_eq!(after_rerate["counts"][1].as_i64().unwrap(), before["counts"][1].as_i64().unwrap() + 1);

    // Appeals: the unit's reviewer files one; an evaluator upholds it; the rating leaves the figures, not the records.
    let appeal = |c: reqwest::Client| {
        let url = app.url("/api/ratings/appeal");
        async move { c.post(url).form(&[("id", rating_id.to_string()), ("reason", "申请人重复提交，误评。".into())]).send().await.unwrap().status() }
    };
    assert_eq!(appeal(officer.clone()).await, StatusCode::FORBIDDEN, "the reviewer appeals, not the officer");
    let reviewer = signed_in(&app, "reviewer.fgw").await;
    assert_eq!(appeal(reviewer.clone()).await, StatusCode::OK);
    assert_eq!(appeal(reviewer.clone()).await, StatusCode::UNPROCESSABLE_ENTITY);
    let evaluator = signed_in(&app, "evaluator").await;
    let pending = staff_rows(&app, &evaluator, true).await;
    let appeal_id = row_for(&pending, &t).expect("pending appeal listed")["appeal_id"].as_i64().unwrap();
    let decide = |c: reqwest::Client, decision: &'static str| {
        let url = app.url("/api/ratings/decide");
        async move {
            c.post(url).form(&[("appeal", appeal_id.to_string()), ("decision", decision.into()), ("note", "核实属实。".into())]).send().await.unwrap().status()
        }
    };
    assert_eq!(decide(reviewer.clone(), "uphold").await, StatusCode::FORBIDDEN);
    assert_eq!(decide(evaluator.clone(), "uphold").await, StatusCode::OK);
    assert_eq!(decide(evaluator.clone(), "dismiss").await, StatusCode::UNPROCESSABLE_ENTITY, "decided once");
    let final_page = public(&app).await;
    let total_after = final_page["counts"].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).sum::<i64>();
    assert_eq!(total_after, total_before, "removed from the public figures");
    let audit = staff_rows(&app, &evaluator, false).await;
    let row = row_for(&audit, &t).expect("still in the records");
    assert_eq!(row["removed"], true);
    assert_eq!(row["appeal"][0], "upheld");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_page_checks_its_period_and_ranks_nobody_in_an_empty_one() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let page: Value = client().post(app.url("/api/ratings/public")).form(&[("from", "2001-01-01"), ("to", "2001-12-31")]).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["units"].as_array().unwrap().len(), 0);
    assert!(page["counts"].as_array().unwrap().iter().all(|n| n == 0));
    let page: Value = client().post(app.url("/api/ratings/public")).form(&[("from", "2026-02-30"), ("to", "<script>")]).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["errors"].as_array().unwrap().len(), 2);
    let html = client().get(app.url("/ratings")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("好评率") && html.contains("<svg"), "rendered on the server with its chart");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evaluators_see_the_monthly_trend_and_the_units_of_concern_and_export_every_rating() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let evaluator = signed_in(&app, "evaluator").await;
    let officer = signed_in(&app, "officer.fgw").await;
    let d: Value = evaluator.post(app.url("/api/ratings/dashboard")).send().await.unwrap().json().await.unwrap();
    let months = d["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    let counted: i64 = months.iter().map(|m| m[1].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).sum::<i64>()).sum();
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rating_facts WHERE first_unit = 1").fetch_one(&app.db.pool).await.unwrap();
    let (cases,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ratings WHERE removed = 0").fetch_one(&app.db.pool).await.unwrap();
    assert!(cases > 0, "the demo has case ratings");
    assert_eq!(counted, stored, "every demo rating falls in the last twelve months");
    assert!(d["concerns"].as_array().unwrap().iter().all(|u| u["bad"].as_i64().unwrap() > 0 || u["overdue"].as_i64().unwrap() > 0));
    assert!(!d["concerns"].as_array().unwrap().is_empty(), "the demo's 差评 name their units");
    let officers = d["officers"].as_array().unwrap();
    assert!(!officers.is_empty() && officers.iter().all(|o| o["name"].as_str().unwrap().contains('（')), "officers with their units: {officers:?}");
    assert_eq!(officers[0]["rank"], 1);
    assert_eq!(officer.post(app.url("/api/ratings/dashboard")).send().await.unwrap().status(), StatusCode::FORBIDDEN);

    let (rows,): (i64,) = sqlx::query_as("SELECT (SELECT COUNT(*) FROM ratings) + (SELECT COUNT(*) FROM rating_facts WHERE channel <> 'case')")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let csv = evaluator.get(app.url("/admin/ratings/export.csv")).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("\u{feff}渠道,编号,单位,"));
    assert_eq!(text.lines().count() as i64, rows + 1, "a header and one line per rating");
    assert!(text.contains("窗口人员态度生硬"));
    let xlsx = evaluator.get(app.url("/admin/ratings/export.xlsx")).send().await.unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes().await.unwrap().to_vec())).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let (strings, sheet) = (part("xl/sharedStrings.xml"), part("xl/worksheets/sheet1.xml"));
    assert!(strings.contains("窗口人员态度生硬") && strings.contains("整改状态"));
    assert!(sheet.contains(&format!(r#"<row r="{}""#, rows + 1)) && !sheet.contains(&format!(r#"<row r="{}""#, rows + 2)), "a header and one row per rating");
    assert_eq!(officer.get(app.url("/admin/ratings/export.xlsx")).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(officer.get(app.url("/admin/ratings/export.csv")).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(client().get(app.url("/admin/ratings/export.csv")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn campaign_form(app: &TestApp, slug: &str) -> Value {
    client().post(app.url("/api/ratings/window/form")).form(&[("slug", slug)]).send().await.unwrap().json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_campaign_takes_one_rating_per_visit_code_and_counts_for_its_unit_and_matter() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let evaluator = signed_in(&app, "evaluator").await;
    let officer = signed_in(&app, "officer.fgw").await;
    let (unit, matter): (i64, i64) = sqlx::query_as(
        "SELECT u.id, m.id FROM units u JOIN matters m ON m.unit_id = u.id WHERE u.short_name = '发展和改革委员会' ORDER BY m.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (other_matter,): (i64,) = sqlx::query_as("SELECT id FROM matters WHERE unit_id <> $1 LIMIT 1").bind(unit).fetch_one(&app.db.pool).await.unwrap();

    // Only evaluators open campaigns; a matter of another unit is refused next to its field.
    let create = |c: &reqwest::Client, matter: i64| {
        let (url, c) = (app.url("/api/ratings/campaigns/create"), c.clone());
        let fields = [("title", "政务服务中心发改窗口评价".to_owned()), ("unit", unit.to_string()), ("matter", matter.to_string()), ("place", "3号窗口".to_owned())];
        async move { c.post(url).form(&fields).send().await.unwrap() }
    };
    assert_eq!(create(&officer, matter).await.status(), StatusCode::FORBIDDEN);
    let res = create(&evaluator, other_matter).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(named(res).await.contains("MatterNotOfUnit"));
    let res = create(&evaluator, matter).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();
    let detail: Value = evaluator.post(app.url("/api/ratings/campaigns/get")).form(&[("id", id)]).send().await.unwrap().json().await.unwrap();
    let slug = detail["row"]["slug"].as_str().unwrap().to_owned();
    assert!(detail["link"].as_str().unwrap().ends_with(&format!("/r/{slug}")) && detail["qr"].as_str().unwrap().starts_with("<svg"));

    // Ten visit codes, printed as slips with their QR codes.
    assert_eq!(evaluator.post(app.url("/api/ratings/campaigns/visits")).form(&[("id", id.to_string()), ("count", "0".into())]).send().await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(evaluator.post(app.url("/api/ratings/campaigns/visits")).form(&[("id", id.to_string()), ("count", "10".into())]).send().await.unwrap().status(), StatusCode::OK);
    let slips: Value = evaluator.post(app.url("/api/ratings/campaigns/slips")).form(&[("id", id)]).send().await.unwrap().json().await.unwrap();
    let codes: Vec<String> = slips["slips"].as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap().to_owned()).collect();
    assert_eq!(codes.len(), 10);

    // The public page names the window; a rating needs a real visit code, once.
    let html = client().get(app.url(&format!("/r/{slug}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("政务服务中心发改窗口评价") && html.contains("3号窗口") && html.contains(r#"name="visit""#));
    assert_eq!(client().get(app.url("/r/NOSUCH")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let period = [("from", "2000-01-01"), ("to", "2100-12-31")];
    let before: Value = client().post(app.url("/api/ratings/public")).form(&period).send().await.unwrap().json().await.unwrap();
    let rate = |visit: String, level: &'static str, comment: &'static str| {
        let (url, slug) = (app.url("/api/ratings/window/rate"), slug.clone());
        async move {
            client()
                .post(url)
                .form(&[("slug", slug.as_str()), ("visit", visit.as_str()), ("level", level), ("attitude", "5"), ("comment", comment)])
                .send()
                .await
                .unwrap()
        }
    };
    let res = rate("ABCD-EFGH".into(), "satisfied", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(named(res).await.contains("VisitCodeInvalid"), "a code never handed out");
    let shown = format!("{}-{}", codes[0][..4].to_lowercase(), &codes[0][4..]);
    assert_eq!(rate(shown, "very_satisfied", "办事快，态度好").await.status(), StatusCode::OK, "case and dashes do not matter");
    let res = rate(codes[0].clone(), "satisfied", "").await;
    assert!(named(res).await.contains("VisitAlreadyRated"), "one rating per visit");
    let res = rate(codes[1].clone(), "very_unsatisfied", "").await;
    assert!(named(res).await.contains("BadRatingNeedsComment"));
    assert_eq!(rate(codes[1].clone(), "very_unsatisfied", "排队一小时").await.status(), StatusCode::OK);

    // Counted for the unit and the matter, with the comment published.
    let after: Value = client().post(app.url("/api/ratings/public")).form(&period).send().await.unwrap().json().await.unwrap();
    let total = |p: &Value| p["counts"].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).sum::<i64>();
    assert_eq!(total(&after), total(&before) + 2);
    let unit_total = |p: &Value| unit_row(p, "发展和改革").map(|r| r["counts"].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).sum::<i64>()).unwrap_or(0);
    assert_eq!(unit_total(&after), unit_total(&before) + 2);
    let matter_row = |p: &Value| p["matters"].as_array().unwrap().iter().find(|r| r["id"] == matter).map(|r| r["counts"][4].as_i64().unwrap()).unwrap_or(0);
    assert_eq!(matter_row(&after), matter_row(&before) + 1, "the 差评 counts for the matter");
    assert!(after["comments"].to_string().contains("排队一小时"));
    let detail: Value = evaluator.post(app.url("/api/ratings/campaigns/get")).form(&[("id", id)]).send().await.unwrap().json().await.unwrap();
    assert_eq!(detail["unused"], 8);
    assert_eq!(detail["row"]["counts"], serde_json::json!([1, 0, 0, 0, 1]));

    // Closed, it takes no more ratings; the form says so.
    assert_eq!(evaluator.post(app.url("/api/ratings/campaigns/act")).form(&[("id", id.to_string()), ("action", "close".into())]).send().await.unwrap().status(), StatusCode::OK);
    assert!(named(rate(codes[2].clone(), "satisfied", "").await).await.contains("CampaignClosed"));
    assert_eq!(campaign_form(&app, &slug).await["open"], false);
    app.stop().await;
}
