//! Hotline letters: written, routed by the desk, answered by a unit under supervision (催办 and
//! 督办 as the calendar moves), rated by the writer, published, counted; rejected and merged
//! letters; the three-month alarm; and who may do what.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, named, named_json};
use gongkai::server::Config;
use reqwest::StatusCode;
use serde_json::Value;
use time::macros::date;

/// A Tuesday; a complaint written on it is due 13 working days later.
const DAY0: time::Date = date!(2026 - 12 - 01);

async fn app_on(db: &TestDb, today: time::Date) -> TestApp {
    let mut config = Config::for_database(&db.url);
    config.today = Some(today);
    TestApp::start_with(config).await
}

async fn signed_in(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(login(app, &c, user, DEMO_PASSWORD).await.status(), StatusCode::OK);
    c
}

async fn post(app: &TestApp, c: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    c.post(app.url(path)).form(form).send().await.unwrap()
}

/// Writes a letter; returns (tracking number, query password).
async fn write(app: &TestApp, c: &reqwest::Client, n: u8, letter_type: &str, public_ok: &str, content: &str) -> (String, String) {
    let token = format!("{:032x}", 0x1e77_0000_u128 + u128::from(n));
    let res = post(app, c, "/api/hotline/write", &[
        ("token", &token),
        ("letter_type", letter_type),
        ("addressee", "mayor"),
        ("subject", "小区门口路灯不亮"),
        ("content", content),
        ("location", "幸福路12号"),
        ("name", "王秀英"),
        ("phone", "13800138000"),
        ("public_ok", public_ok),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let tracking: String = res.json().await.unwrap();
    let receipt: Value = post(app, c, "/api/hotline/receipt", &[("tracking", &tracking)]).await.json().await.unwrap();
    (tracking, receipt["query_code"].as_str().unwrap().to_owned())
}

async fn letter_id(app: &TestApp, tracking: &str) -> i64 {
    let (id,): (i64,) =
        sqlx::query_as("SELECT id FROM letters WHERE tracking = $1").bind(tracking.replace('-', "")).fetch_one(&app.db.pool).await.unwrap();
    id
}

async fn lookup(app: &TestApp, t: &str, c: &str) -> Value {
    let res = post(app, &client(), "/api/lookup/any", &[("t", t), ("c", c)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = res.json().await.unwrap();
    v["Letter"].clone()
}

async fn detail(app: &TestApp, c: &reqwest::Client, id: i64) -> Value {
    let res = post(app, c, "/api/hotline/detail", &[("id", &id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn act(app: &TestApp, c: &reqwest::Client, id: i64, fields: &[(&str, &str)]) -> reqwest::Response {
    let id = id.to_string();
    let mut form = vec![("id", id.as_str())];
    form.extend_from_slice(fields);
    post(app, c, "/api/hotline/act", &form).await
}

fn steps(letter: &Value) -> Vec<String> {
    letter["timeline"].as_array().unwrap().iter().map(|e| e["step"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_is_routed_supervised_answered_rated_and_published() {
    let db = TestDb::new().await;
    let app = app_on(&db, DAY0).await;
    let citizen = client();

    // Wrong fields are refused one by one; nothing is stored.
    let res = post(&app, &citizen, "/api/hotline/write", &[("token", &"a".repeat(32)), ("letter_type", "praise"), ("phone", "123")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    for f in ["letter_type", "subject", "content", "name", "phone"] {
        assert!(body.contains(f), "{f} refused: {body}");
    }
    let content = "路灯坏了两周，夜里很黑。联系我 13800138000。";
    let (t, code) = write(&app, &citizen, 1, "complaint", "1", content).await;
    let id = letter_id(&app, &t).await;
    let cal = gongkai::calendar::store::load(&app.db).await.unwrap();
    let due = cal.add_working_days(DAY0, 13);

    // The writer follows it on the lookup with contact details masked.
    let seen = lookup(&app, &t, &code).await;
    assert_eq!(seen["status"], "Received");
    assert_eq!(seen["due_on"], due.to_string());
    assert_eq!(seen["phone"], "138****8000");
    assert_eq!(seen["writer_name"], "王*英");
    let res = post(&app, &client(), "/api/lookup/any", &[("t", &t), ("c", "WRONGCODE1")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(named(res).await.contains("LookupNoMatch"));

    // Only the desk routes; a unit sees nothing of a letter not routed to it.
    let desk = signed_in(&app, "desk").await;
    let fgw = signed_in(&app, "officer.fgw").await;
    let edu = signed_in(&app, "officer.edu").await;
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    let unit_s = unit.to_string();
    assert_eq!(post(&app, &fgw, "/api/hotline/detail", &[("id", &id.to_string())]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(act(&app, &fgw, id, &[("action", "routed"), ("unit", &unit_s)]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(post(&app, &client(), "/api/hotline/queue", &[]).await.status(), StatusCode::UNAUTHORIZED);
    let res = act(&app, &desk, id, &[("action", "routed"), ("unit", &unit_s), ("note", "请核实处理")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let res = act(&app, &desk, id, &[("action", "routed"), ("unit", &unit_s)]).await;
    assert!(named(res).await.contains("AlreadyRouted"));
    let queue: Value = post(&app, &fgw, "/api/hotline/queue", &[]).await.json().await.unwrap();
    assert!(queue["rows"].as_array().unwrap().iter().any(|r| r["id"] == id), "the unit sees it: {queue}");
    assert_eq!(post(&app, &edu, "/api/hotline/detail", &[("id", &id.to_string())]).await.status(), StatusCode::FORBIDDEN);
    let staff_view = detail(&app, &fgw, id).await;
    assert_eq!(staff_view["phone"], "13800138000", "the unit calls the writer back");
    let route = staff_view["routes"][0]["id"].as_i64().unwrap().to_string();

    // The unit asks for 3 more working days; the desk grants them.
    assert_eq!(act(&app, &fgw, id, &[("action", "extension_asked"), ("route", &route), ("days", "30"), ("note", "需现场核查")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(act(&app, &fgw, id, &[("action", "extension_asked"), ("route", &route), ("days", "3"), ("note", "需现场核查")]).await.status(), StatusCode::OK);
    assert_eq!(act(&app, &fgw, id, &[("action", "extended"), ("route", &route), ("days", "3")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(act(&app, &desk, id, &[("action", "extended"), ("route", &route), ("days", "3")]).await.status(), StatusCode::OK);
    let new_due = cal.add_working_days(due, 3);
    assert_eq!(lookup(&app, &t, &code).await["due_on"], new_due.to_string());
    app.stop().await;

    // Two working days before the due date the sweep reminds the unit (催办) — once.
    let app = app_on(&db, cal.add_working_days(new_due, 0) - time::Duration::days(1)).await;
    let desk = signed_in(&app, "desk").await;
    for _ in 0..2 {
        assert_eq!(post(&app, &desk, "/api/hotline/queue", &[]).await.status(), StatusCode::OK);
    }
    let v = detail(&app, &desk, id).await;
    assert_eq!(steps(&v).iter().filter(|s| *s == "Reminded").count(), 1, "{:?}", steps(&v));
    assert!(!steps(&v).contains(&"Escalated".to_owned()));
    assert!(!steps(&lookup(&app, &t, &code).await).contains(&"Reminded".to_owned()), "supervision is staff business");
    app.stop().await;

    // Overdue: escalated (督办), red card; then the unit answers.
    let late = cal.add_working_days(new_due, 2);
    let app = app_on(&db, late).await;
    let fgw = signed_in(&app, "officer.fgw").await;
    let queue: Value = post(&app, &fgw, "/api/hotline/queue", &[]).await.json().await.unwrap();
    let row = queue["rows"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(row["urgency"], "Red");
    assert!(steps(&detail(&app, &fgw, id).await).contains(&"Escalated".to_owned()));
    assert_eq!(act(&app, &fgw, id, &[("action", "answered"), ("route", &route)]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "an answer has text");
    let reply = "已更换路灯。如有问题请拨打 0563-1234567。";
    assert_eq!(act(&app, &fgw, id, &[("action", "answered"), ("route", &route), ("note", reply)]).await.status(), StatusCode::OK);
    let seen = lookup(&app, &t, &code).await;
    assert_eq!(seen["status"], "Answered");
    assert_eq!(seen["answered_on"], late.to_string());

    // Unsatisfied needs a reason and reopens the letter once; the second verdict closes it.
    let rate = |s: &'static str, reason: &'static str| {
        let (url, t, code) = (app.url("/api/hotline/rate"), t.clone(), code.clone());
        async move { client().post(url).form(&[("t", t.as_str()), ("c", code.as_str()), ("satisfaction", s), ("reason", reason)]).send().await.unwrap() }
    };
    assert_eq!(rate("unsatisfied", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rate("unsatisfied", "路灯仍然不亮").await.status(), StatusCode::OK);
    let seen = lookup(&app, &t, &code).await;
    assert_eq!(seen["status"], "Routed");
    assert!(steps(&seen).contains(&"Reopened".to_owned()));
    assert_eq!(rate("satisfied", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY, "not answered again yet");
    assert_eq!(act(&app, &fgw, id, &[("action", "answered"), ("route", &route), ("note", "已更换灯具并检修线路，现已正常照明。")]).await.status(), StatusCode::OK);
    // The closing verdict counts in the public ratings (好差评) for the unit that answered.
    let unit_unsatisfied = || {
        let (url, day) = (app.url("/api/ratings/public"), late.to_string());
        async move {
            let page: Value = client().post(url).form(&[("from", day.as_str()), ("to", day.as_str())]).send().await.unwrap().json().await.unwrap();
            let row = page["units"].as_array().unwrap().iter().find(|r| r["id"] == unit).cloned();
            (page["counts"][3].as_i64().unwrap(), row.map(|r| r["counts"][3].as_i64().unwrap()).unwrap_or(0))
        }
    };
    let before = unit_unsatisfied().await;
    assert_eq!(rate("unsatisfied", "").await.status(), StatusCode::OK, "the last verdict closes, reason optional");
    assert_eq!(unit_unsatisfied().await, (before.0 + 1, before.1 + 1), "a rated letter counts once in the totals and for its unit");
    let seen = lookup(&app, &t, &code).await;
    assert_eq!(seen["status"], "Closed");
    assert_eq!(seen["satisfaction"], "Unsatisfied");
    assert_eq!(seen["answered_on"], late.to_string(), "the first complete answer dates the letter");

    // Published with the numbers masked, never the writer.
    let public: Value = post(&app, &client(), "/api/hotline/public", &[("q", "路灯")]).await.json().await.unwrap();
    let text = public.to_string();
    assert!(public["letters"].as_array().unwrap().iter().any(|l| l["id"] == id), "{text}");
    assert!(!text.contains("13800138000") && !text.contains("王秀英") && !text.contains("1234567"), "{text}");
    assert!(text.contains("现已正常照明"));
    let by_type: Value = post(&app, &client(), "/api/hotline/public", &[("type", "consult"), ("q", "路灯")]).await.json().await.unwrap();
    assert!(!by_type["letters"].as_array().unwrap().iter().any(|l| l["id"] == id), "filtered by type");

    // Counted in its month.
    let stats: Value = post(&app, &client(), "/api/hotline/stats", &[("month", "2026-12")]).await.json().await.unwrap();
    assert!(stats["stats"]["total"]["received"].as_i64().unwrap() >= 1);
    let unit_row = stats["stats"]["by_unit"].as_array().unwrap().iter().find(|u| u[0] == unit).cloned().expect("the unit is counted");
    assert!(unit_row[2]["answered"].as_i64().unwrap() >= 1);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desk_rejects_and_merges_and_old_letters_raise_the_alarm() {
    let db = TestDb::new().await;
    let app = app_on(&db, DAY0).await;
    let citizen = client();
    let (t1, c1) = write(&app, &citizen, 11, "consult", "1", "第一封来信").await;
    let (t2, _) = write(&app, &citizen, 12, "consult", "", "重复来信").await;
    let (t3, c3) = write(&app, &citizen, 13, "report", "1", "无效来信").await;
    let (t4, c4) = write(&app, &citizen, 14, "complaint", "", "燃气泄漏，请立即处理").await;
    let (id1, id2, id3) = (letter_id(&app, &t1).await, letter_id(&app, &t2).await, letter_id(&app, &t3).await);
    let desk = signed_in(&app, "desk").await;
    // An urgent letter is due the same working day.
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '住房和城乡建设局'").fetch_one(&app.db.pool).await.unwrap();
    let id4 = letter_id(&app, &t4).await;
    assert_eq!(act(&app, &desk, id4, &[("action", "routed"), ("unit", &unit.to_string()), ("urgent", "1")]).await.status(), StatusCode::OK);
    let seen = lookup(&app, &t4, &c4).await;
    assert_eq!((seen["urgent"].clone(), seen["due_on"].clone()), (Value::Bool(true), Value::String(DAY0.to_string())));
    assert_eq!(act(&app, &desk, id3, &[("action", "rejected")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    assert_eq!(act(&app, &desk, id3, &[("action", "rejected"), ("note", "内容与政务无关")]).await.status(), StatusCode::OK);
    assert_eq!(lookup(&app, &t3, &c3).await["status"], "Rejected");
    assert_eq!(act(&app, &desk, id2, &[("action", "merged"), ("target", &t2)]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "not into itself");
    assert_eq!(act(&app, &desk, id2, &[("action", "merged"), ("target", &t3)]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "not into a rejected one");
    assert_eq!(act(&app, &desk, id2, &[("action", "merged"), ("target", &t1)]).await.status(), StatusCode::OK);
    assert_eq!(act(&app, &desk, id2, &[("action", "rejected"), ("note", "x")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "already final");
    app.stop().await;

    // Three months to the day is still in time; the day after, the alarm is raised for letter 1
    // only (rejected and merged letters are not valid letters).
    let app = app_on(&db, date!(2027 - 03 - 01)).await;
    let fgw = signed_in(&app, "officer.fgw").await;
    let alarms: Value = post(&app, &fgw, "/api/hotline/alarms", &[]).await.json().await.unwrap();
    assert!(!alarms.as_array().unwrap().iter().any(|r| r["id"] == id1));
    app.stop().await;
    let app = app_on(&db, date!(2027 - 03 - 02)).await;
    let fgw = signed_in(&app, "officer.fgw").await;
    let alarms: Value = post(&app, &fgw, "/api/hotline/alarms", &[]).await.json().await.unwrap();
    let ids: Vec<i64> = alarms.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert!(ids.contains(&id1) && !ids.contains(&id2) && !ids.contains(&id3), "{ids:?}");
    let evaluator = signed_in(&app, "evaluator").await;
    let none: Value = post(&app, &evaluator, "/api/hotline/alarms", &[]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!([]));
    // Answering clears it.
    let desk = signed_in(&app, "desk").await;
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '教育体育局'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(act(&app, &desk, id1, &[("action", "routed"), ("unit", &unit.to_string())]).await.status(), StatusCode::OK);
    let edu = signed_in(&app, "officer.edu").await;
    let route = detail(&app, &edu, id1).await["routes"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(act(&app, &edu, id1, &[("action", "answered"), ("route", &route), ("note", "已答复")]).await.status(), StatusCode::OK);
    let alarms: Value = post(&app, &fgw, "/api/hotline/alarms", &[]).await.json().await.unwrap();
    assert!(!alarms.as_array().unwrap().iter().any(|r| r["id"] == id1));
    assert_eq!(lookup(&app, &t1, &c1).await["status"], "Answered");
    app.stop().await;
}

/// A GeoReport v2 client as the spec describes it: JSON lists, form-encoded POST.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open311_clients_list_services_file_a_request_and_see_it_closed_when_answered() {
    let db = TestDb::new().await;
    let app = app_on(&db, DAY0).await;
    let c = reqwest::Client::new();
    let services: Value = c.get(app.url("/open311/v2/services.json")).send().await.unwrap().json().await.unwrap();
    let codes: Vec<&str> = services.as_array().unwrap().iter().map(|s| s["service_code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["consult", "complaint", "suggestion", "help", "report"]);
    assert!(services.as_array().unwrap().iter().all(|s| s["metadata"] == false && s["type"] == "realtime"));

    // Refused with GeoReport errors naming the fields; then filed.
    let res = c.post(app.url("/open311/v2/requests.json")).form(&[("service_code", "parking")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = c.post(app.url("/open311/v2/requests.json")).form(&[("service_code", "help"), ("phone", "1")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let errors: Value = res.json().await.unwrap();
    let text = errors.to_string();
    assert!(text.contains("description") && text.contains("phone") && text.contains("last_name"), "{text}");
    let form = [
        ("service_code", "help"),
        ("description", "楼道灯坏了半年，老人上下楼很危险。"),
        ("first_name", "秀英"),
        ("last_name", "王"),
        ("phone", "13800138000"),
        ("address_string", "建设路老粮站宿舍"),
        ("attribute[public]", "1"),
    ];
    let res = c.post(app.url("/open311/v2/requests.json")).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let id = created[0]["service_request_id"].as_str().unwrap().to_owned();
    let code = created[0]["query_code"].as_str().unwrap().to_owned();

    // Read back: open, no text before publication, never the writer.
    let one: Value = c.get(app.url(&format!("/open311/v2/requests/{id}.json"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(one[0]["status"], "open");
    assert_eq!(one[0]["service_code"], "help");
    assert_eq!(one[0]["description"], "");
    assert!(!one.to_string().contains("13800138000") && !one.to_string().contains("王秀英"));
    assert_eq!(c.get(app.url("/open311/v2/requests/0000000000.json")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    // The writer's own lookup opens it with the returned code.
    assert_eq!(lookup(&app, &id, &code).await["status"], "Received");

    // Routed and answered: closed, and the published text appears.
    let desk = signed_in(&app, "desk").await;
    let lid = letter_id(&app, &id).await;
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(act(&app, &desk, lid, &[("action", "routed"), ("unit", &unit.to_string())]).await.status(), StatusCode::OK);
    let fgw = signed_in(&app, "officer.fgw").await;
    let route = detail(&app, &fgw, lid).await["routes"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(act(&app, &fgw, lid, &[("action", "answered"), ("route", &route), ("note", "已更换楼道灯。")]).await.status(), StatusCode::OK);
    let one: Value = c.get(app.url(&format!("/open311/v2/requests/{id}.json"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(one[0]["status"], "closed");
    assert_eq!(one[0]["description"], "楼道灯坏了半年，老人上下楼很危险。");
    assert!(one[0]["agency_responsible"].as_str().unwrap().contains("发展和改革委员会"));
    let list: Value = c
        .get(app.url(&format!("/open311/v2/requests.json?service_request_id={id}&status=closed&service_code=help")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let open: Value = c.get(app.url(&format!("/open311/v2/requests.json?service_request_id={id}&status=open"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(open, serde_json::json!([]));
    assert_eq!(c.get(app.url("/open311/v2/requests.json?status=pending")).send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_letters_are_refused_field_by_field_or_shown_inert() {
    let db = TestDb::new().await;
    let app = app_on(&db, DAY0).await;
    let citizen = client();
    let count = || async { sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM letters").fetch_one(&app.db.pool).await.unwrap().0 };
    let before = count().await;
    let good: Vec<(&str, String)> = vec![
        ("token", "b".repeat(32)),
        ("letter_type", "suggestion".into()),
        ("addressee", "mayor".into()),
        ("subject", "建议".into()),
        ("content", "建议增设公交站台。".into()),
        ("name", "李建国".into()),
        ("phone", "13900000000".into()),
    ];
    let cases: Vec<(&str, String, &str)> = vec![
        ("name", "<script>alert(1)</script>".into(), "NameInvalid"),
        ("phone", "1' OR '1'='1".into(), "PhoneInvalid"),
        ("subject", "政".repeat(101), "TextTooLong"),
        ("content", "x".repeat(1_000_000), "TextTooLong"),
        ("content", "内容\u{0}\u{1b}[31m".into(), "TextControlChars"),
        ("addressee", "999999".into(), "ChooseAddressee"),
        ("addressee", "../../etc/passwd".into(), "ChooseAddressee"),
        ("letter_type", "{}".into(), "ChooseLetterType"),
        ("email", "a@b".into(), "EmailInvalid"),
    ];
    for (field, value, msg) in cases {
        let mut fields = good.clone();
        fields.retain(|f| f.0 != field);
        fields.push((field, value));
        let res = citizen.post(app.url("/api/hotline/write")).form(&fields).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body = named_json(res.json().await.unwrap());
        let errors = body["Fields"]["errors"].as_array().unwrap();
        assert!(errors.iter().any(|e| e[0] == field && e[1] == msg), "{field}: {body}");
    }
    let mut fields = good.clone();
    fields.retain(|f| f.0 != "token");
    assert_eq!(citizen.post(app.url("/api/hotline/write")).form(&fields).send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    assert_eq!(count().await, before, "nothing stored");

    // Markup in a letter is text: published, it is escaped, never run.
    let (t, _) = write(&app, &citizen, 21, "suggestion", "1", "<script>alert(1)</script><img src=x onerror=alert(2)>").await;
    let id = letter_id(&app, &t).await;
    let desk = signed_in(&app, "desk").await;
    let (unit,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = '发展和改革委员会'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(act(&app, &desk, id, &[("action", "routed"), ("unit", &unit.to_string())]).await.status(), StatusCode::OK);
    let fgw = signed_in(&app, "officer.fgw").await;
    let route = detail(&app, &fgw, id).await["routes"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(act(&app, &fgw, id, &[("action", "answered"), ("route", &route), ("note", "<b onmouseover=x()>已收悉</b>")]).await.status(), StatusCode::OK);
    let page = client().get(app.url("/hotline?q=script")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(!page.contains("<script>alert(1)") && !page.contains("<img src=x") && !page.contains("<b onmouseover"), "never markup");
    // Forged ids and steps are refused.
    assert_eq!(act(&app, &fgw, id, &[("action", "answered"), ("route", "999999"), ("note", "x")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(act(&app, &desk, id, &[("action", "rated")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(post(&app, &desk, "/api/hotline/detail", &[("id", "999999")]).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Posts the whole letter form as multipart to `/hotline/files`, as its file buttons do.
async fn stage(app: &TestApp, c: &reqwest::Client, token: &str, file: Option<(&str, Vec<u8>)>, remove: Option<i64>) -> String {
    let mut form = reqwest::multipart::Form::new()
        .text("token", token.to_owned())
        .text("letter_type", "complaint")
        .text("addressee", "mayor")
        .text("subject", "路面塌陷")
        .text("content", "幸福路中段路面塌陷，附现场照片。")
        .text("name", "王秀英")
        .text("phone", "13800138000");
    if let Some(id) = remove {
        form = form.text("remove", id.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()).mime_str("application/octet-stream").unwrap());
    }
    let res = c.post(app.url("/hotline/files")).multipart(form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_attached_while_writing_go_with_the_letter_to_the_desk_and_its_units_only() {
    let db = TestDb::new().await;
    let app = app_on(&db, DAY0).await;
    let citizen = client();
    let token = "abcdef0123456789abcdef0123456789";
    let pdf = b"%PDF-1.4\n% road\n".to_vec();
    let back = stage(&app, &citizen, token, Some(("塌陷.pdf", pdf.clone())), None).await;
    assert_eq!(back, format!("/hotline/write?draft={token}&file_saved=1"));
    // A disguised executable is refused by its content; the typed letter is kept either way.
    let refused = stage(&app, &citizen, token, Some(("photo.pdf", b"MZ\x90\x00".to_vec())), None).await;
    assert!(refused.ends_with("file_error=type"), "{refused}");
    let extra = stage(&app, &citizen, token, Some(("second.pdf", pdf.clone())), None).await;
    assert!(extra.ends_with("file_saved=1"));
    let form: Value = post(&app, &citizen, "/api/hotline/form", &[("draft", token)]).await.json().await.unwrap();
    assert_eq!(form["values"]["subject"], "路面塌陷");
    let files = form["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let second = files[1]["id"].as_i64().unwrap();
    assert!(stage(&app, &citizen, token, None, Some(second)).await.ends_with("file_removed=1"));

    let res = post(&app, &citizen, "/api/hotline/write", &[
        ("token", token), ("letter_type", "complaint"), ("addressee", "mayor"), ("subject", "路面塌陷"),
        ("content", "幸福路中段路面塌陷，附现场照片。"), ("name", "王秀英"), ("phone", "13800138000"),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let tracking: String = res.json().await.unwrap();
    let id = letter_id(&app, &tracking).await;
    let (staged,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staged_files WHERE token = $1").bind(token).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(staged, 0, "the files moved to the letter");

    let desk = signed_in(&app, "desk").await;
    let view: Value = post(&app, &desk, "/api/hotline/detail", &[("id", &id.to_string())]).await.json().await.unwrap();
    let files = view["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["name"], "塌陷.pdf");
    let url = app.url(&format!("/admin/letters/{id}/files/{}", files[0]["id"]));
    let got = desk.get(&url).send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK);
    assert!(got.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(got.bytes().await.unwrap().to_vec(), pdf);
    // An officer of a unit the letter was not routed to, and the public, cannot read it.
    let other = signed_in(&app, "officer.edu").await;
    assert_eq!(other.get(&url).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(client().get(&url).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    // Nor does the writer's own view carry the files' list.
    let receipt: Value = post(&app, &citizen, "/api/hotline/receipt", &[("tracking", &tracking)]).await.json().await.unwrap();
    let found = lookup(&app, &tracking, receipt["query_code"].as_str().unwrap()).await;
    assert!(found.to_string().contains("\"files\":[]"), "{found}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_letters_are_published_answered_letters_of_the_units() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let before = public_total(&app).await;
    gongkai::demo::bench::seed_letters(&app.db, 40).await.unwrap();
    // Three in five agreed to publication, and every bench letter is answered and closed.
    assert_eq!(public_total(&app).await, before + 24);
    let (routes,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM letter_routes r JOIN letters l ON l.id = r.letter_id \
         WHERE l.submit_key LIKE 'bench-letter-%' AND r.status = 'answered' AND r.reply <> ''",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(routes, 40);
    let body = client().post(app.url("/api/hotline/public")).header("Accept", "application/json").form(&[("q", "路灯不亮")]).send().await.unwrap();
    let page: Value = body.json().await.unwrap();
    let letters = page["letters"].as_array().unwrap();
    assert!(!letters.is_empty() && letters.iter().all(|l| !l["replies"].as_array().unwrap().is_empty()), "{page}");
    app.stop().await;
}

async fn public_total(app: &TestApp) -> i64 {
    let res = client().post(app.url("/api/hotline/public")).header("Accept", "application/json").send().await.unwrap();
    let page: Value = res.json().await.unwrap();
    page["total"].as_i64().unwrap()
}
