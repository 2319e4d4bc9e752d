//! Filing, the officer's processing, the applicant's lookup and attachments, through the real
//! server functions and handlers.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, named_json};
use gongkai::domain::{CaseEvent, DeadlineRules, deadline};
use gongkai::server::Config;
use reqwest::StatusCode;
use serde_json::Value;

const ID: &str = "11010519491231002X";

async fn unit_id(app: &TestApp, short_name: &str) -> String {
    let (id,): (i64,) =
        sqlx::query_as("SELECT id FROM units WHERE short_name = $1").bind(short_name).fetch_one(&app.db.pool).await.unwrap();
    id.to_string()
}

fn token(n: u8) -> String {
    format!("{:032x}", 0xabc0_u128 + u128::from(n))
}

fn request_fields(token: &str, unit: &str) -> Vec<(&'static str, String)> {
    vec![
        ("token", token.to_owned()),
        ("applicant_type", "person".into()),
        ("applicant_name", "张三".into()),
        ("id_type", "idcard".into()),
        ("id_number", ID.to_lowercase()),
        ("phone", "138 1234 5678".into()),
        ("unit_id", unit.to_owned()),
        ("subject", "2025 年度县级预算执行情况".into()),
        ("delivery", "online".into()),
    ]
}

async fn submit(app: &TestApp, c: &reqwest::Client, fields: &[(&str, String)]) -> reqwest::Response {
    c.post(app.url("/api/apply/submit")).form(fields).send().await.unwrap()
}

async fn case_count(app: &TestApp) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM cases").fetch_one(&app.db.pool).await.unwrap().0
}

/// Files a request and returns (tracking number, query code) from the receipt.
async fn file_request(app: &TestApp, citizen: &reqwest::Client, unit: &str) -> (String, String) {
    let res = submit(app, citizen, &request_fields(&token(1), unit)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let tracking: String = res.json().await.unwrap();
    let receipt: Value =
        citizen.post(app.url("/api/apply/receipt")).form(&[("tracking", &tracking)]).send().await.unwrap().json().await.unwrap();
    (tracking, receipt["query_code"].as_str().unwrap().to_owned())
}

async fn lookup(app: &TestApp, c: &reqwest::Client, t: &str, code: &str) -> reqwest::Response {
    c.post(app.url("/api/lookup/find")).form(&[("t", t), ("c", code)]).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_submitted_twice_is_filed_once_with_a_receipt_for_its_browser_only() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let before = case_count(&app).await;
    let citizen = client();
    let fields = request_fields(&token(7), &unit);
    // A double click: two submissions of the same form at once, then a retry.
    let (a, b) = tokio::join!(submit(&app, &citizen, &fields), submit(&app, &citizen, &fields));
    let c = submit(&app, &citizen, &fields).await;
    let mut numbers = Vec::new();
    for res in [a, b, c] {
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers().get("location").unwrap().to_str().unwrap().starts_with("/apply/receipt/"));
        numbers.push(res.json::<String>().await.unwrap());
    }
    assert!(numbers.iter().all(|n| n == &numbers[0]), "{numbers:?}");
    assert_eq!(case_count(&app).await, before + 1);

    let receipt: Value =
        citizen.post(app.url("/api/apply/receipt")).form(&[("tracking", &numbers[0])]).send().await.unwrap().json().await.unwrap();
    assert_eq!(receipt["tracking"], numbers[0].as_str());
    assert_eq!(receipt["applicant_name"], "张*");
    assert_eq!(receipt["query_code"].as_str().unwrap().len(), 10);
    assert!(receipt["qr_svg"].as_str().unwrap().starts_with("<svg"));
    assert!(receipt["lookup_url"].as_str().unwrap().contains("/lookup?t="));
    // Only the query code's hash is stored.
    let (hash,): (String,) = sqlx::query_as("SELECT code_hash FROM cases WHERE submit_key = $1").bind(token(7)).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(hash.len(), 64);
    assert_ne!(hash, receipt["query_code"].as_str().unwrap());
    // Another browser does not get the receipt (it carries the code).
    let other = client().post(app.url("/api/apply/receipt")).form(&[("tracking", &numbers[0])]).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_is_refused_field_by_field_and_stores_nothing() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let before = case_count(&app).await;
    let citizen = client();
    let cases: Vec<(&str, String, &str)> = vec![
        ("applicant_name", "<script>alert(1)</script>".into(), "NameInvalid"),
        ("applicant_name", "".into(), "FieldRequired"),
        ("id_number", "110105194912310021".into(), "IdCardInvalid"),
        ("phone", "12345".into(), "PhoneInvalid"),
        ("subject", "政".repeat(5000), "TextTooLong"),
        ("subject", "预算\u{0}\u{1b}[31m".into(), "TextControlChars"),
        ("unit_id", "abc".into(), "ChooseUnit"),
        ("unit_id", "999999".into(), "ChooseUnit"),
        ("delivery", "carrier-pigeon".into(), "ChooseOne"),
        ("applicant_type", "[]".into(), "ChooseOne"),
    ];
    for (field, value, msg) in cases {
        let mut fields = request_fields(&token(3), &unit);
        fields.retain(|f| f.0 != field);
        fields.push((field, value));
        let res = submit(&app, &citizen, &fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body = named_json(res.json().await.unwrap());
        let errors = body["Fields"]["errors"].as_array().unwrap();
        assert!(errors.iter().any(|e| e[0] == field && e[1] == msg), "{field}: {body}");
    }
    // A missing token is a malformed request.
    let mut fields = request_fields("", &unit);
    fields.retain(|f| f.0 != "token");
    assert_eq!(submit(&app, &citizen, &fields).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(case_count(&app).await, before);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_form_posted_without_javascript_comes_back_with_every_typed_value() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let citizen = client();
    let mut fields = request_fields(&token(4), &unit);
    fields.retain(|f| f.0 != "phone");
    fields.push(("address", "青山县人民路 8 号".into()));
    let res = citizen.post(app.url("/api/apply/submit")).header("accept", "text/html").form(&fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers().get("location").unwrap().to_str().unwrap().to_owned();
    assert_eq!(location, format!("/apply/info?draft={}", token(4)));
    let page = citizen.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("value=\"张三\""), "name kept");
    assert!(page.contains("青山县人民路 8 号"), "address kept");
    assert!(page.contains("此项为必填项"), "phone error shown");
    // The draft keeps its messages by name, so it reads back after an upgrade that changes them.
    let (kept,): (String,) = sqlx::query_as("SELECT data FROM form_drafts WHERE token = $1").bind(token(4)).fetch_one(&app.db.pool).await.unwrap();
    assert!(kept.contains(r#"["phone","FieldRequired"]"#), "{kept}");
    assert!(page.contains(&format!("value=\"{}\"", token(4))), "same token, so a corrected post files once");
    // Corrected, the same form files the case and goes to the receipt.
    fields.push(("phone", "13812345678".into()));
    let res = citizen.post(app.url("/api/apply/submit")).header("accept", "text/html").form(&fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let receipt = res.headers().get("location").unwrap().to_str().unwrap().to_owned();
    assert!(receipt.starts_with("/apply/receipt/"));
    let page = citizen.get(app.url(&receipt)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("data-testid=\"query-code\""), "the receipt renders on the server");
    assert!(page.contains("<svg"), "with its QR code");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM form_drafts WHERE token = $1").bind(token(4)).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(n, 0, "the draft is gone once filed");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_processes_a_request_and_the_due_dates_follow_the_engine() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let citizen = client();
    let (t, code) = file_request(&app, &citizen, &unit).await;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM cases WHERE submit_key = $1").bind(token(1)).fetch_one(&app.db.pool).await.unwrap();
    let id = id.to_string();
    let cal = gongkai::calendar::store::load(&app.db).await.unwrap();
    let today = Config::for_database("sqlite::memory:").today();
    let due = |events: &[CaseEvent]| deadline::compute(events, &cal, &DeadlineRules::default()).unwrap().due.map(|d| d.to_string());

    let officer = client();
    login(&app, &officer, "officer.fgw", DEMO_PASSWORD).await;
    let act = |fields: Vec<(&'static str, String)>| {
        let officer = officer.clone();
        let url = app.url("/api/cases/act");
        async move { officer.post(url).form(&fields).send().await.unwrap() }
    };
    let detail = || {
        let officer = officer.clone();
        let url = app.url("/api/cases/detail");
        let id = id.clone();
        async move { officer.post(url).form(&[("id", id)]).send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let queue: Value = officer.post(app.url("/api/cases/queue")).send().await.unwrap().json().await.unwrap();
    assert!(queue["rows"].as_array().unwrap().iter().any(|r| r["tracking"] == t.as_str()));
    let case = detail().await;
    assert_eq!(case["due_on"].as_str().map(str::to_owned), due(&[CaseEvent::Received(today)]));
    assert_eq!(case["id_number"], ID, "the receiving unit sees personal data in full");

    let res = act(vec![("id", id.clone()), ("action", "correction".into()), ("note", "请写明年份".into())]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let seen: Value = lookup(&app, &citizen, &t, &code).await.json().await.unwrap();
    assert_eq!(seen["status"], "Correction");
    assert_eq!(seen["due_on"], Value::Null, "the clock stops");
    assert_eq!(seen["open_actions"], serde_json::json!(["Corrected"]));
    assert_eq!(seen["id_number"], "110105**********2X", "the applicant's own view is masked too");

    let res = citizen.post(app.url("/api/lookup/correct")).form(&[("t", t.as_str()), ("c", code.as_str()), ("note", "2025 年度")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mut events = vec![CaseEvent::Received(today), CaseEvent::CorrectionRequested(today), CaseEvent::CorrectionReceived(today)];
    assert_eq!(detail().await["due_on"].as_str().map(str::to_owned), due(&events));

    // An extension needs a reason and at most 20 days; only one is allowed.
    let res = act(vec![("id", id.clone()), ("action", "extend".into()), ("days", "21".into()), ("note", "会商".into())]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = act(vec![("id", id.clone()), ("action", "extend".into()), ("days", "20".into()), ("note", "需会商".into())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    events.push(CaseEvent::Extended { on: today, days: 20 });
    assert_eq!(detail().await["due_on"].as_str().map(str::to_owned), due(&events));
    let res = act(vec![("id", id.clone()), ("action", "extend".into()), ("days", "5".into()), ("note", "再延".into())]).await;
    let body = named_json(res.json().await.unwrap());
    assert_eq!(body["Invalid"]["msg"], "SecondExtension");

    // Withholding needs its legal ground.
    let res = act(vec![("id", id.clone()), ("action", "answer".into()), ("answer_type", "withheld".into()), ("note", "理由".into())]).await;
    let body = named_json(res.json().await.unwrap());
    assert_eq!(body["Invalid"]["field"], "reason");
    let res = act(vec![
        ("id", id.clone()),
        ("action", "answer".into()),
        ("answer_type", "withheld".into()),
        ("reason", "process".into()),
        ("note", "所申请信息属于过程性信息。".into()),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: Value = lookup(&app, &citizen, &t, &code).await.json().await.unwrap();
    assert_eq!(seen["status"], "Answered");
    assert_eq!(seen["answer"]["answer_type"], "NotDisclosed");
    assert_eq!(seen["answer"]["reason"], "Process");
    assert_eq!(seen["closed_on"], today.to_string());
    // Closed: nothing more can be done.
    let res = act(vec![("id", id.clone()), ("action", "correction".into()), ("note", "x".into())]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The letter page renders on the server for the applicant.
    let letter = citizen.get(app.url(&format!("/lookup/letter?t={t}&c={code}"))).send().await.unwrap().text().await.unwrap();
    assert!(letter.contains("行政复议") && letter.contains("6 个月"), "the letter states the remedies");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn personal_data_is_for_the_receiving_unit_only() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    file_request(&app, &client(), &unit).await;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM cases WHERE submit_key = $1").bind(token(1)).fetch_one(&app.db.pool).await.unwrap();
    let id = id.to_string();

    let other_unit = client();
    login(&app, &other_unit, "officer.edu", DEMO_PASSWORD).await;
    let res = other_unit.post(app.url("/api/cases/detail")).form(&[("id", &id)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = other_unit.post(app.url("/api/cases/act")).form(&[("id", id.as_str()), ("action", "answer"), ("answer_type", "disclosed")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let queue: Value = other_unit.post(app.url("/api/cases/queue")).send().await.unwrap().json().await.unwrap();
    assert!(queue["rows"].as_array().unwrap().iter().all(|r| r["unit_name"] != "青山县发展和改革委员会"));

    // The site administrator oversees every unit, but sees personal data masked.
    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    let case: Value = admin.post(app.url("/api/cases/detail")).form(&[("id", &id)]).send().await.unwrap().json().await.unwrap();
    assert_eq!(case["id_number"], "110105**********2X");
    assert_eq!(case["phone"], "138****5678");
    assert_eq!(case["applicant_name"], "张*");
    // The evaluator has no business with cases; nor has the public.
    let evaluator = client();
    login(&app, &evaluator, "evaluator", DEMO_PASSWORD).await;
    assert_eq!(evaluator.post(app.url("/api/cases/detail")).form(&[("id", &id)]).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(client().post(app.url("/api/cases/queue")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_query_codes_is_throttled_per_address() {
    let db = TestDb::new().await;
    let mut config = Config::for_database(&db.url);
    config.trust_proxy = true;
    let app = TestApp::start_with(config).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let (t, code) = file_request(&app, &client(), &unit).await;
    let from = |ip: &'static str| {
        let c = client();
        let url = app.url("/api/lookup/find");
        move |t: String, code: String| {
            let c = c.clone();
            let url = url.clone();
            async move { c.post(url).header("x-forwarded-for", ip).form(&[("t", t), ("c", code)]).send().await.unwrap() }
        }
    };
    let attacker = from("203.0.113.5");
    let mut wrong = code.clone();
    wrong.replace_range(0..1, if code.starts_with('A') { "B" } else { "A" });
    for _ in 0..20 {
        let res = attacker(t.clone(), wrong.clone()).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = named_json(res.json().await.unwrap());
        assert_eq!(body["Invalid"]["msg"], "LookupNoMatch");
    }
    // An unknown number gets the very same answer as a wrong code.
    let res = from("203.0.113.9")("ZZZZZZZZZZ".into(), wrong.clone()).await;
    assert_eq!(named_json(res.json().await.unwrap())["Invalid"]["msg"], "LookupNoMatch");
    let res = attacker(t.clone(), code.clone()).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "even the right code, from the guessing address");
    let res = from("203.0.113.6")(t.clone(), code.clone()).await;
    assert_eq!(res.status(), StatusCode::OK, "the applicant elsewhere is not locked out");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachments_are_checked_by_content_and_size_and_served_safely() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let citizen = client();
    let (t, code) = file_request(&app, &citizen, &unit).await;
    let upload = |name: &'static str, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new()
            .text("t", t.clone())
            .text("c", code.clone())
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name).mime_str("application/pdf").unwrap());
        citizen.post(app.url("/lookup/files")).multipart(form).send()
    };
    let pdf = b"%PDF-1.4\n% test\n".to_vec();
    let res = upload("身份证明.pdf", pdf.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_saved=1"));
    let res = upload("invoice.pdf", b"MZ\x90\x00 not a pdf".to_vec()).await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_error=type"), "named .pdf, but an executable");
    let res = upload("big.pdf", [b"%PDF-".to_vec(), vec![b'x'; 10 * 1024 * 1024]].concat()).await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_error=size"));

    let seen: Value = lookup(&app, &citizen, &t, &code).await.json().await.unwrap();
    let files = seen["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let file_id = files[0]["id"].as_i64().unwrap();
    let res = citizen.get(app.url(&format!("/lookup/files/{file_id}?t={t}&c={code}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    // Without the query code: nothing.
    let res = client().get(app.url(&format!("/lookup/files/{file_id}?t={t}&c=0000000000"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Staff of the unit can download it; staff of another unit cannot.
    let (case_id,): (i64,) = sqlx::query_as("SELECT case_id FROM case_files WHERE id = $1").bind(file_id).fetch_one(&app.db.pool).await.unwrap();
    let officer = client();
    login(&app, &officer, "officer.fgw", DEMO_PASSWORD).await;
    let res = officer.get(app.url(&format!("/admin/cases/{case_id}/files/{file_id}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let other = client();
    login(&app, &other, "officer.edu", DEMO_PASSWORD).await;
    let res = other.get(app.url(&format!("/admin/cases/{case_id}/files/{file_id}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_catalogue_has_the_seed_figures_and_service_cases_move_through_their_stages() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let list: Value = client().post(app.url("/api/apply/matters")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["total"], 2155);
    assert_eq!(list["online_total"], 956);
    assert_eq!(list["units"].as_array().unwrap().len(), 51);
    let (matter, unit): (i64, i64) = sqlx::query_as(
        "SELECT m.id, m.unit_id FROM matters m JOIN units u ON u.id = m.unit_id WHERE m.online = 1 AND u.short_name = '发展和改革委员会' ORDER BY m.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (offline,): (i64,) = sqlx::query_as("SELECT id FROM matters WHERE online = 0 ORDER BY id LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    let citizen = client();
    let mut fields = request_fields(&token(9), "");
    fields.push(("matter", offline.to_string()));
    assert_eq!(submit(&app, &citizen, &fields).await.status(), StatusCode::NOT_FOUND, "a counter-only matter is not filed online");
    fields.retain(|f| f.0 != "matter");
    fields.push(("matter", matter.to_string()));
    let res = submit(&app, &citizen, &fields).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let (id, unit_of_case, status): (i64, i64, String) =
        sqlx::query_as("SELECT id, unit_id, status FROM cases WHERE submit_key = $1").bind(token(9)).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!((unit_of_case, status.as_str()), (unit, "filed"));
    let officer = client();
    login(&app, &officer, "officer.fgw", DEMO_PASSWORD).await;
    let id = id.to_string();
    for (action, status) in [("accept", "accepted"), ("process", "processing"), ("complete", "done")] {
        let res = officer.post(app.url("/api/cases/act")).form(&[("id", id.as_str()), ("action", action)]).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{action}");
        let (s,): (String,) = sqlx::query_as("SELECT status FROM cases WHERE id = $1").bind(id.parse::<i64>().unwrap()).fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(s, status);
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_turns_yellow_then_red_as_the_calendar_advances_and_the_board_counts_it() {
    let db = TestDb::new().await;
    let day = |s: &str| time::Date::parse(s, &time::format_description::well_known::Iso8601::DATE).unwrap();
    let at = |today: time::Date| {
        let mut config = Config::for_database(&db.url);
        config.today = Some(today);
        config
    };
    let app = TestApp::start_with(at(day("2026-11-23"))).await;
    let board: Value = client().post(app.url("/api/lookup/board")).send().await.unwrap().json().await.unwrap();
    assert_eq!((board["filed"].as_i64(), board["done"].as_i64()), (Some(310_527), Some(309_500)), "seed 001's figures");
    let unit = unit_id(&app, "发展和改革委员会").await;
    let (t, _) = file_request(&app, &client(), &unit).await;
    let (due,): (String,) = sqlx::query_as("SELECT due_on FROM cases WHERE submit_key = $1").bind(token(1)).fetch_one(&app.db.pool).await.unwrap();
    let board: Value = client().post(app.url("/api/lookup/board")).send().await.unwrap().json().await.unwrap();
    assert_eq!(board["filed"], 310_528);
    assert_eq!(board["latest"][0]["applicant"], "张*", "the board masks the name");
    app.stop().await;

    let card = |today: time::Date| {
        let config = at(today);
        let t = t.clone();
        async move {
            let app = TestApp::start_with(config).await;
            let officer = client();
            login(&app, &officer, "officer.fgw", DEMO_PASSWORD).await;
            let queue: Value = officer.post(app.url("/api/cases/queue")).send().await.unwrap().json().await.unwrap();
            let row = queue["rows"].as_array().unwrap().iter().find(|r| r["tracking"] == t.as_str()).cloned().unwrap();
            app.stop().await;
            (row["urgency"].clone(), queue["counts"].clone())
        }
    };
    let due = day(&due);
    assert_eq!(card(day("2026-11-24")).await.0, "Normal");
    let (yellow, counts) = card(due).await;
    assert_eq!(yellow, "Yellow");
    assert!(counts["yellow"].as_i64().unwrap() >= 1);
    assert_eq!(card(due.next_day().unwrap()).await.0, "Red");
}

/// Posts the whole filing form as multipart to `/apply/files`, as its file buttons do.
async fn post_materials(app: &TestApp, c: &reqwest::Client, fields: &[(&'static str, String)], file: Option<(&'static str, Vec<u8>)>) -> String {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(*k, v.clone());
    }
    if let Some((name, bytes)) = file {
        form = form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(name).mime_str("application/pdf").unwrap());
    }
    let res = c.post(app.url("/apply/files")).multipart(form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_attached_while_filling_in_the_form_are_filed_with_the_case_and_nothing_typed_is_lost() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let citizen = client();
    let t = token(9);
    let mut fields = request_fields(&t, &unit);
    fields.push(("matter", String::new()));
    fields.push(("upload", "1".into()));
    let pdf = b"%PDF-1.4\n% materials\n".to_vec();

    // Each upload keeps the typed values and comes back to the form with the file listed.
    let back = post_materials(&app, &citizen, &fields, Some(("身份证复印件.pdf", pdf.clone()))).await;
    assert_eq!(back, format!("/apply/info?draft={t}&file_saved=1"));
    assert!(post_materials(&app, &citizen, &fields, Some(("renamed.pdf", b"<script>x</script>".to_vec()))).await.ends_with("file_error=type"));
    assert!(post_materials(&app, &citizen, &fields, None).await.ends_with("file_error=missing"));
    assert!(post_materials(&app, &citizen, &fields, Some(("委托书.pdf", pdf.clone()))).await.ends_with("file_saved=1"));
    let form: Value = citizen.post(app.url("/api/apply/form")).form(&[("draft", t.as_str())]).send().await.unwrap().json().await.unwrap();
    assert_eq!(form["values"]["applicant_name"], "张三");
    assert_eq!(form["values"]["subject"], "2025 年度县级预算执行情况");
    assert_eq!(form["errors"].as_array().unwrap().len(), 0, "an upload is not a refusal");
    let names: Vec<&str> = form["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["身份证复印件.pdf", "委托书.pdf"]);
    let page = citizen.get(app.url(&back)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("value=\"张三\"") && page.contains("身份证复印件.pdf") && page.contains("附件已保存"), "rendered on the server");

    // Removing one; another form's token cannot touch it.
    let second = form["files"][1]["id"].as_i64().unwrap().to_string();
    let mut other = request_fields(&token(10), &unit);
    other.push(("remove", second.clone()));
    assert!(post_materials(&app, &citizen, &other, None).await.ends_with("file_error=missing"));
    let mut remove = request_fields(&t, &unit);
    remove.push(("remove", second));
    assert!(post_materials(&app, &citizen, &remove, None).await.ends_with("file_removed=1"));
    // A bad token or matter is refused outright.
    let form = reqwest::multipart::Form::new().text("token", "../../etc").text("matter", "");
    assert_eq!(citizen.post(app.url("/apply/files")).multipart(form).send().await.unwrap().status(), StatusCode::BAD_REQUEST);

    // Filing moves the files to the case in the same step; the lookup shows them.
    let res = submit(&app, &citizen, &request_fields(&t, &unit)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let tracking: String = res.json().await.unwrap();
    let receipt: Value = citizen.post(app.url("/api/apply/receipt")).form(&[("tracking", &tracking)]).send().await.unwrap().json().await.unwrap();
    let seen: Value = lookup(&app, &citizen, &tracking, receipt["query_code"].as_str().unwrap()).await.json().await.unwrap();
    let files: Vec<&str> = seen["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(files, ["身份证复印件.pdf"]);
    let (staged,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staged_files WHERE token = $1").bind(&t).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(staged, 0);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officers_refused_action_without_javascript_comes_back_with_the_typed_note() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "发展和改革委员会").await;
    let citizen = client();
    file_request(&app, &citizen, &unit).await;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM cases WHERE submit_key = $1").bind(token(1)).fetch_one(&app.db.pool).await.unwrap();
    let officer = client();
    login(&app, &officer, "officer.fgw", DEMO_PASSWORD).await;
    let t = token(11);
    // An extension of 30 days is refused; the reason typed for it must not be lost.
    let fields = [
        ("id", id.to_string()),
        ("action", "extend".into()),
        ("days", "30".into()),
        ("note", "需要调取三年的档案，工作量大".into()),
        ("token", t.clone()),
    ];
    let res = officer.post(app.url("/api/cases/act")).header("accept", "text/html").form(&fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let back = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(back, format!("/admin/cases/{id}?draft={t}"));
    let page = officer.get(app.url(&back)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("需要调取三年的档案，工作量大"), "the note is back in its field");
    assert!(page.contains("value=\"30\""), "the days too");
    let detail: Value = officer.post(app.url("/api/cases/detail")).form(&[("id", id.to_string()), ("draft", t.clone())]).send().await.unwrap().json().await.unwrap();
    assert_eq!(detail["act_draft"][1][0][0], "days");
    // Nobody else reads the draft: another unit's officer is refused the case itself.
    let other = client();
    login(&app, &other, "officer.edu", DEMO_PASSWORD).await;
    let res = other.post(app.url("/api/cases/detail")).form(&[("id", id.to_string()), ("draft", t.clone())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

/// The lookup reads a case with its events, attachments and rating in one query (JSON built by
/// the database); it must read exactly what the separate queries read, odd text included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lookup_reads_a_case_and_its_parts_in_one_query_exactly_as_read_apart() {
    use gongkai::cases::store;
    use gongkai::domain::TrackingNumber;
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let cases: Vec<(i64, String)> = sqlx::query_as("SELECT id, tracking FROM cases ORDER BY id").fetch_all(&app.db.pool).await.unwrap();
    assert!(cases.len() > 10, "the demo county has cases");
    // One case (not yet rated) gets attachments and a rating with awkward text, staff's and the citizen's.
    let (odd,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM cases WHERE id NOT IN (SELECT case_id FROM ratings) AND id NOT IN (SELECT case_id FROM case_files)").fetch_one(&app.db.pool).await.unwrap();
    let name = "引号\"与\\反斜杠\n换行 ☃.pdf";
    assert!(store::add_file(&app.db, odd, false, name, "application/pdf", b"%PDF-1.4").await.unwrap());
    assert!(store::add_file(&app.db, odd, true, "答复.pdf", "application/pdf", b"%PDF-1.4").await.unwrap());
    sqlx::query(
        "INSERT INTO ratings (case_id, unit_id, level, final_level, comment, rated_on, created_at) \
         SELECT id, unit_id, 'satisfied', 'satisfied', '很好 \"OK\" \\ </script>', '2026-12-01', 0 FROM cases WHERE id = $1",
    )
    .bind(odd)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let mut with_events = 0;
    for (id, tracking) in &cases {
        let t = TrackingNumber::parse(tracking).unwrap();
        let (row, parts) = store::by_tracking_with_parts(&app.db, &t).await.unwrap().expect("found");
        let apart_row = store::by_tracking(&app.db, &t).await.unwrap().unwrap();
        let apart = store::parts(&app.db, *id).await.unwrap();
        assert_eq!(format!("{row:?}"), format!("{apart_row:?}"));
        assert_eq!(format!("{parts:?}"), format!("{apart:?}"), "case {tracking}");
        // On SQLite the read above went through the direct reader; the pool's read must agree.
        let (pooled_row, pooled) = store::by_tracking_with_parts_pooled(&app.db, &t).await.unwrap().expect("found");
        assert_eq!(format!("{pooled_row:?}"), format!("{apart_row:?}"));
        assert_eq!(format!("{pooled:?}"), format!("{apart:?}"), "case {tracking}");
        with_events += usize::from(!parts.events.is_empty());
        if *id == odd {
            assert_eq!(parts.files.iter().map(|f| (f.name.as_str(), f.from_staff)).collect::<Vec<_>>(), [(name, false), ("答复.pdf", true)]);
            assert_eq!(parts.rating.as_ref().map(|r| r.2.as_str()), Some("很好 \"OK\" \\ </script>"));
        }
    }
    assert!(with_events > 10, "cases with timelines were compared");
    assert_eq!(app.db.reader.is_some(), app.db.backend == gongkai::server::db::Backend::Sqlite, "SQLite files are read directly");
    if app.db.backend == gongkai::server::db::Backend::Sqlite {
        // By default every page is read with read(), so that the server's RSS stays its own memory.
        let (mmap,): (i64,) = sqlx::query_as("PRAGMA mmap_size").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(mmap, 0);
        let (cache,): (i64,) = sqlx::query_as("PRAGMA cache_size").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(cache, -((gongkai::server::db::CACHE_BYTES / 1024) as i64));
        // Asked for, the map may be as large as a province's database: SQLite was built with a
        // cap that high (.cargo/config.toml), where its default would silently stop at 2 GiB.
        let memory = gongkai::server::db::SqliteMemory { map_bytes: gongkai::server::db::MMAP_MAX_BYTES, cache_bytes: 1 << 20 };
        let mapped = gongkai::server::Db::connect_with_memory(&db.url, 1, memory).await.unwrap();
        let (mmap,): (i64,) = sqlx::query_as("PRAGMA mmap_size").fetch_one(&mapped.pool).await.unwrap();
        assert_eq!(mmap as u64, gongkai::server::db::MMAP_MAX_BYTES);
        assert!(mmap > 2 << 30);
        mapped.pool.close().await;
    }
    let unknown = (0u8..=255).map(|b| TrackingNumber::from_random([b; gongkai::domain::tracking::TRACKING_BODY_LEN]))
        .find(|t| cases.iter().all(|c| c.1 != t.as_str()))
        .unwrap();
    assert!(store::by_tracking_with_parts(&app.db, &unknown).await.unwrap().is_none(), "an unknown number finds nothing");
    app.stop().await;
}
