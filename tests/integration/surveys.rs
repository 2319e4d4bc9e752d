//! Surveys: an evaluator builds one from seed 002's template plus a question of each kind and
//! opens it; citizens answer once per browser; forged, late and oversized answers are refused and
//! counted nowhere; questions lock; results are public after closing; exports hold every answer;
//! invitation codes allow one answer each; the per-address window holds.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login};
use gongkai::server::Config;
use reqwest::StatusCode;
use serde_json::Value;
use time::macros::date;

async fn app(db: &TestDb, per_address: i64) -> TestApp {
    let mut config = Config::for_database(&db.url);
    config.today = Some(date!(2026 - 12 - 01));
    config.survey_per_address = per_address;
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

async fn create(app: &TestApp, c: &reqwest::Client, mode: &str, invite_only: &str, template: &str) -> i64 {
    let res = post(app, c, "/api/surveys/admin/create", &[
        ("token", &format!("{:032x}", 0x5_0000_u128 + u128::from(template.len() as u8))),
        ("title", "2026年度政务公开满意度测评"),
        ("intro", "请根据您的体验作答。"),
        ("audience", "全县居民"),
        ("opens_on", "2026-12-01"),
        ("closes_on", "2026-12-31"),
        ("mode", mode),
        ("results", "after_close"),
        ("invite_only", invite_only),
        ("template", template),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn add(app: &TestApp, c: &reqwest::Client, id: i64, q: &[(&str, &str)]) -> reqwest::Response {
    let id = id.to_string();
    let mut form = vec![("id", id.as_str()), ("token", "0123456789abcdef0123456789abcdef")];
    form.extend_from_slice(q);
    post(app, c, "/api/surveys/admin/question", &form).await
}

async fn question_ids(app: &TestApp, survey: i64) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT id, kind FROM survey_questions WHERE survey_id = $1 ORDER BY position")
        .bind(survey)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn responses(app: &TestApp, survey: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1").bind(survey).fetch_one(&app.db.pool).await.unwrap();
    n
}

/// Posts an answer sheet as a browser's form would; returns the redirect target.
async fn answer(app: &TestApp, c: &reqwest::Client, survey: i64, fields: &[(String, String)]) -> String {
    let mut form = vec![("token".to_owned(), "fedcba9876543210fedcba9876543210".to_owned())];
    form.extend_from_slice(fields);
    let res = c.post(app.url(&format!("/surveys/{survey}/answer"))).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", res.text().await.unwrap());
    res.headers()["location"].to_str().unwrap().to_owned()
}

fn f(pairs: &[(String, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.clone(), (*v).to_owned())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_survey_is_built_answered_once_per_browser_counted_and_exported() {
    let db = TestDb::new().await;
    let app = app(&db, 50).await;
    let ev = staff(&app, "evaluator").await;

    // Only evaluators (and site administrators) build surveys.
    let officer = staff(&app, "officer.fgw").await;
    let refused = post(&app, &officer, "/api/surveys/admin/list", &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(post(&app, &client(), "/api/surveys/admin/list", &[]).await.status(), StatusCode::UNAUTHORIZED);

    let id = create(&app, &ev, "once", "", "seed002").await;
    assert_eq!(question_ids(&app, id).await.len(), 12, "the template's twelve items");
    for q in [
        &[("kind", "single"), ("text", "您从哪里获取政务信息"), ("required", "on"), ("options", "政府网站\n政务微信\n报纸"), ("other", "on")][..],
        &[("kind", "multiple"), ("text", "您希望加强哪些公开"), ("options", "财政预决算\n重大项目\n行政执法\n教育医疗"), ("min", "1"), ("max", "2")][..],
        &[("kind", "matrix"), ("text", "请评价以下渠道"), ("rows", "网站\n热线"), ("points", "3"), ("required", "on")][..],
        &[("kind", "text"), ("text", "其他意见建议"), ("max_len", "20")][..],
    ] {
        let res = add(&app, &ev, id, q).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    }
    // A question with a single option is refused next to the options field.
    let bad = add(&app, &ev, id, &[("kind", "single"), ("text", "只有一个选项"), ("options", "是")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("options"));
    let qs = question_ids(&app, id).await;
    assert_eq!(qs.len(), 16);
    let field = |kind: &str| format!("q{}", qs.iter().find(|q| q.1 == kind && q.0 > qs[11].0).unwrap().0);
    let (single, multiple, matrix, text, scale) = (field("single"), field("multiple"), field("matrix"), field("text"), format!("q{}", qs[0].0));

    // A draft is not public.
    assert_eq!(client().get(app.url(&format!("/surveys/{id}"))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let res = post(&app, &ev, "/api/surveys/admin/state", &[("id", &id.to_string()), ("action", "publish")]).await;
    assert_eq!(res.status(), StatusCode::OK);

    let m0 = format!("{matrix}_0");
    let m1 = format!("{matrix}_1");
    let a = client();
    let page = a.get(app.url(&format!("/surveys/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("2026年度政务公开满意度测评") && page.contains("城市建设"));
    let sheet_a = f(&[(single.clone(), "0"), (multiple.clone(), "0"), (multiple.clone(), "1"), (m0.clone(), "3"), (m1.clone(), "2"), (scale.clone(), "5"), (text.clone(), "多公开项目进度")]);
    assert_eq!(answer(&app, &a, id, &sheet_a).await, format!("/surveys/{id}/thanks"));
    // The same browser again: refused politely, nothing counted.
    let back = answer(&app, &a, id, &sheet_a).await;
    assert!(back.starts_with(&format!("/surveys/{id}?draft=")), "{back}");
    assert_eq!(responses(&app, id).await, 1);
    let again = a.get(app.url(&back)).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("您已参加过本次调查"));

    // Forged option ids, a forged point, too many choices and oversized text are each refused.
    let b = client();
    for (k, v) in [(single.as_str(), "7"), (m0.as_str(), "4"), (scale.as_str(), "9"), (text.as_str(), "这段意见写得太长了超过了二十个字的上限所以会被拒绝")] {
        let mut sheet = f(&[(single.clone(), "1"), (m0.clone(), "1"), (m1.clone(), "1")]);
        sheet.retain(|(name, _)| name != k);
        sheet.push((k.to_owned(), v.to_owned()));
        let back = answer(&app, &b, id, &sheet).await;
        assert!(back.contains("?draft="), "{k}={v} was accepted");
        let page = b.get(app.url(&back)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("所选答案不在本题选项中") || page.contains("字数") || page.contains("过长"), "{k}: error shown next to the question");
    }
    let three = f(&[(single.clone(), "1"), (multiple.clone(), "0"), (multiple.clone(), "1"), (multiple.clone(), "2"), (m0.clone(), "1"), (m1.clone(), "1")]);
    let back = answer(&app, &b, id, &three).await;
    let page = b.get(app.url(&back)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("选择的项数超过上限"));
    // A required question left out.
    let back = answer(&app, &b, id, &f(&[(m0.clone(), "1"), (m1.clone(), "1")])).await;
    assert!(b.get(app.url(&back)).send().await.unwrap().text().await.unwrap().contains("本题为必答题"));
    assert_eq!(responses(&app, id).await, 1, "refused sheets are counted nowhere");

    assert_eq!(answer(&app, &b, id, &f(&[(single.clone(), "1"), (multiple.clone(), "1"), (m0.clone(), "1"), (m1.clone(), "3"), (scale.clone(), "4")])).await, format!("/surveys/{id}/thanks"));
    let c = client();
    let sheet_c = f(&[(single.clone(), "other"), (format!("{single}_other"), "邻居告知"), (multiple.clone(), "3"), (m0.clone(), "2"), (m1.clone(), "3")]);
    assert_eq!(answer(&app, &c, id, &sheet_c).await, format!("/surveys/{id}/thanks"));
    assert_eq!(responses(&app, id).await, 3);

    // Questions are locked now.
    let locked = add(&app, &ev, id, &[("kind", "text"), ("text", "迟到的问题")]).await;
    assert_eq!(locked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(question_ids(&app, id).await.len(), 16);

    // Results are not public while the survey is open; they are after it closes.
    let early = post(&app, &client(), "/api/surveys/results", &[("id", &id.to_string())]).await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/state", &[("id", &id.to_string()), ("action", "close")]).await.status(), StatusCode::OK);
    let late = answer(&app, &client(), id, &f(&[(single.clone(), "0"), (m0.clone(), "1"), (m1.clone(), "1")])).await;
    assert!(late.contains("?draft="));
    assert_eq!(responses(&app, id).await, 3, "an answer after closing is refused");

    let r: Value = post(&app, &client(), "/api/surveys/results", &[("id", &id.to_string())]).await.json().await.unwrap();
    assert_eq!(r["responses"], 3);
    let q = |name: &str| r["questions"].as_array().unwrap().iter().find(|q| format!("q{}", q["id"]) == name).unwrap().clone();
    let counts = |q: &Value| q["counts"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).collect::<Vec<_>>();
    assert_eq!(counts(&q(&single)), vec![1, 1, 0, 1], "政府网站, 政务微信, 报纸, 其他");
    assert_eq!(q(&single)["texts"].as_array().unwrap().len(), 0, "free text stays private unless the evaluator publishes it");
    assert_eq!(counts(&q(&multiple)), vec![1, 2, 0, 1]);
    assert_eq!(q(&multiple)["counts"][1]["share"], "66.7%");
    assert_eq!(q(&matrix)["grid"][0]["counts"], serde_json::json!([1, 1, 1]));
    assert_eq!(q(&matrix)["grid"][1]["mean"], "2.7");
    assert_eq!(q(&scale)["mean"], "4.5");
    let html = client().get(app.url(&format!("/surveys/{id}/results"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<svg") && html.contains("66.7%"));

    // Exports: every response, to evaluators only.
    let csv = ev.get(app.url(&format!("/admin/surveys/{id}/responses.csv"))).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("其他：邻居告知") && csv.contains("政府网站") && csv.contains("多公开项目进度") && csv.contains("请评价以下渠道 - 热线"));
    let xlsx = ev.get(app.url(&format!("/admin/surveys/{id}/responses.xlsx"))).send().await.unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"));
    let book = xlsx.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book.to_vec())).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let (strings, sheet) = (part("xl/sharedStrings.xml"), part("xl/worksheets/sheet1.xml"));
    assert!(strings.contains("其他：邻居告知") && strings.contains("多公开项目进度") && strings.contains("请评价以下渠道 - 热线"));
    assert!(sheet.contains(r#"<row r="4""#) && !sheet.contains(r#"<row r="5""#), "a header and three responses");
    assert_eq!(client().get(app.url(&format!("/admin/surveys/{id}/responses.csv"))).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(officer.get(app.url(&format!("/admin/surveys/{id}/responses.xlsx"))).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_codes_allow_one_answer_each_and_the_address_window_holds() {
    let db = TestDb::new().await;
    let app = app(&db, 2).await;
    let ev = staff(&app, "evaluator").await;

    // Anonymous mode: no browser token, but at most two answers per address per hour.
    let open = create(&app, &ev, "anonymous", "", "").await;
    assert_eq!(add(&app, &ev, open, &[("kind", "scale"), ("text", "总体满意度"), ("required", "on")]).await.status(), StatusCode::OK);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/state", &[("id", &open.to_string()), ("action", "publish")]).await.status(), StatusCode::OK);
    let q = format!("q{}", question_ids(&app, open).await[0].0);
    let one = client();
    for _ in 0..2 {
        assert_eq!(answer(&app, &one, open, &f(&[(q.clone(), "5")])).await, format!("/surveys/{open}/thanks"));
    }
    let third = answer(&app, &client(), open, &f(&[(q.clone(), "5")])).await;
    assert!(third.contains("?draft="));
    assert_eq!(responses(&app, open).await, 2);

    // Invitation codes: one code, one answer.
    let inv = create(&app, &ev, "anonymous", "on", "x").await;
    assert_eq!(add(&app, &ev, inv, &[("kind", "text"), ("text", "建议")]).await.status(), StatusCode::OK);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/state", &[("id", &inv.to_string()), ("action", "publish")]).await.status(), StatusCode::OK);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/invites", &[("id", &inv.to_string()), ("count", "0")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/invites", &[("id", &inv.to_string()), ("count", "2")]).await.status(), StatusCode::OK);
    let codes: Vec<(String,)> = sqlx::query_as("SELECT code FROM survey_invites WHERE survey_id = $1").bind(inv).fetch_all(&app.db.pool).await.unwrap();
    assert_eq!(codes.len(), 2);
    let t = format!("q{}", question_ids(&app, inv).await[0].0);
    let no_code = answer(&app, &client(), inv, &f(&[(t.clone(), "好")])).await;
    assert!(no_code.contains("?draft="));
    let typed = format!("{}-{}", codes[0].0[..5].to_lowercase(), &codes[0].0[5..]);
    assert_eq!(answer(&app, &client(), inv, &f(&[(t.clone(), "好"), ("invite".into(), &typed)])).await, format!("/surveys/{inv}/thanks"));
    let reused = answer(&app, &client(), inv, &f(&[(t.clone(), "好"), ("invite".into(), &codes[0].0)])).await;
    assert!(reused.contains("?draft="), "a used code is refused");
    assert_eq!(responses(&app, inv).await, 1);
    let list = ev.get(app.url(&format!("/admin/surveys/{inv}/invites.csv"))).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("已使用") && list.lines().count() == 3, "{list}");
    app.stop().await;
}

/// Many citizens answering at the same moment are all stored. On SQLite a transaction that read
/// before it wrote failed at once with "database is locked" when another answer committed in
/// between (two browser tests met it); pool transactions now take the write lock when they begin.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_answering_at_the_same_moment_are_all_stored() {
    let db = TestDb::new().await;
    let app = std::sync::Arc::new(app(&db, 1000).await);
    let ev = staff(&app, "evaluator").await;
    let id = create(&app, &ev, "once", "", "").await;
    assert_eq!(add(&app, &ev, id, &[("kind", "scale"), ("text", "总体满意度"), ("required", "on")]).await.status(), StatusCode::OK);
    assert_eq!(post(&app, &ev, "/api/surveys/admin/state", &[("id", &id.to_string()), ("action", "publish")]).await.status(), StatusCode::OK);
    let q = format!("q{}", question_ids(&app, id).await[0].0);
    const CITIZENS: usize = 48;
    for round in 0..2 {
        let posts: Vec<_> = (0..CITIZENS)
            .map(|i| {
                let (app, q) = (app.clone(), q.clone());
                tokio::spawn(async move {
                    let level = ((i % 5) + 1).to_string();
                    answer(&app, &client(), id, &f(&[(q, level.as_str())])).await
                })
            })
            .collect();
        for p in posts {
            assert_eq!(p.await.unwrap(), format!("/surveys/{id}/thanks"), "round {round}");
        }
    }
    assert_eq!(responses(&app, id).await, 2 * CITIZENS as i64);
    let app = std::sync::Arc::into_inner(app).expect("no other owner");
    app.stop().await;
}
