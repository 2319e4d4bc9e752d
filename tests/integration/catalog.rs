//! The disclosure catalog: the drafting and review workflow through the real server functions,
//! the unit boundary, Chinese search on fixtures, browsing, the feed and the sitemap.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, unmarked};
use gongkai::demo::catalog::{GenEntry, publish_bulk, units};
use gongkai::domain::catalog::{Audience, Genre, Topic};
use reqwest::StatusCode;
use serde_json::Value;
use time::macros::date;

async fn unit_id(app: &TestApp, short_name: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT id FROM units WHERE short_name = $1").bind(short_name).fetch_one(&app.db.pool).await.unwrap().0
}

async fn signed_in(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(login(app, &c, user, DEMO_PASSWORD).await.status(), StatusCode::OK);
    c
}

fn fields(id: i64, unit: i64, title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.to_string()),
        ("token", format!("{:032x}", 0xcafe_u128 + id as u128)),
        ("unit_id", unit.to_string()),
        ("title", title.to_owned()),
        ("summary", "明确2026年度城乡居民医保参保缴费标准和办理渠道。".into()),
        ("keywords", "医保，参保".into()),
        ("doc_no", "青发改〔2026〕7号".into()),
        ("written_on", "2026-11-02".into()),
        ("topic", "health".into()),
        ("genre", "notice".into()),
        ("audience", "citizens".into()),
        ("validity", "valid".into()),
        ("disclosure", "proactive".into()),
        ("body", "<p>各乡镇：</p><script>alert(1)</script><p onclick=\"x()\">请做好<b>蝴蝶兰</b>参保工作。</p>".into()),
    ]
}

async fn save(app: &TestApp, c: &reqwest::Client, f: &[(&str, String)]) -> reqwest::Response {
    c.post(app.url("/api/catalog/save")).form(f).send().await.unwrap()
}

async fn act(app: &TestApp, c: &reqwest::Client, id: i64, action: &str, note: &str) -> reqwest::Response {
    c.post(app.url("/api/catalog/act")).form(&[("id", id.to_string()), ("action", action.into()), ("note", note.into())]).send().await.unwrap()
}

async fn list(app: &TestApp, args: &[(&str, &str)]) -> Value {
    let res = client().post(app.url("/api/catalog/list")).form(args).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{args:?}");
    res.json().await.unwrap()
}

fn titles(page: &Value) -> Vec<String> {
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_array().unwrap().iter().map(|p| p[0].as_str().unwrap()).collect::<String>())
        .collect()
}

async fn staff_entry(app: &TestApp, c: &reqwest::Client, id: i64) -> reqwest::Response {
    c.post(app.url("/api/catalog/staff_entry")).form(&[("id", id.to_string())]).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_is_drafted_returned_fixed_published_revised_and_withdrawn() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let fgw = unit_id(&app, "发展和改革委员会").await;
    let officer = signed_in(&app, "officer.fgw").await;
    let reviewer = signed_in(&app, "reviewer.fgw").await;
    let other = signed_in(&app, "officer.edu").await;
    let before = list(&app, &[]).await["total_published"].as_i64().unwrap();

    // Drafting: every refused field is named; an officer cannot draft for another unit.
    let mut bad = fields(0, fgw, " ");
    bad[7] = ("written_on", "2026-02-30".into());
    let res = save(&app, &officer, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("title") && body.contains("written_on"), "{body}");
    assert_eq!(save(&app, &other, &fields(0, fgw, "越权起草")).await.status(), StatusCode::FORBIDDEN);
    let res = save(&app, &officer, &fields(0, fgw, "关于做好2026年度城乡居民医保参保缴费工作的通知")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();

    // The draft is the unit's: the public and other units' officers get nothing.
    assert_eq!(client().post(app.url("/api/catalog/entry")).form(&[("id", id.to_string())]).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(staff_entry(&app, &other, id).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(save(&app, &other, &fields(id, fgw, "改")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(act(&app, &other, id, "submit", "").await.status(), StatusCode::FORBIDDEN);
    let draft: Value = staff_entry(&app, &officer, id).await.json().await.unwrap();
    let stored_body = draft["revisions"][0]["input"]["body"].as_str().unwrap().to_owned();
    assert!(!stored_body.contains("script") && !stored_body.contains("onclick") && stored_body.contains("<b>蝴蝶兰</b>"), "{stored_body}");

    // Review: the officer cannot approve; a return needs a note.
    assert_eq!(act(&app, &officer, id, "submit", "").await.status(), StatusCode::OK);
    assert_eq!(act(&app, &officer, id, "approve", "").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(act(&app, &reviewer, id, "return", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(act(&app, &reviewer, id, "return", "文号有误，请核对").await.status(), StatusCode::OK);
    assert_eq!(act(&app, &reviewer, id, "approve", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY, "returned is not pending");
    let mut fixed = fields(id, fgw, "关于做好2026年度城乡居民医保参保缴费工作的通知");
    fixed[6] = ("doc_no", "青发改〔2026〕8号".into());
    assert_eq!(save(&app, &officer, &fixed).await.status(), StatusCode::OK);
    assert_eq!(act(&app, &officer, id, "submit", "").await.status(), StatusCode::OK);
    let res = act(&app, &reviewer, id, "approve", "").await;
    assert_eq!(res.status(), StatusCode::OK);

    // Published: an index number from the unit's code and serial, in every browse node, search and the feed.
    let entry: Value = client().post(app.url("/api/catalog/entry")).form(&[("id", id.to_string())]).send().await.unwrap().json().await.unwrap();
    let (code,): (String,) = sqlx::query_as("SELECT code FROM units WHERE id = $1").bind(fgw).fetch_one(&app.db.pool).await.unwrap();
    let index_no = entry["index_no"].as_str().unwrap().to_owned();
    assert!(index_no.starts_with(&format!("{code}/")) && index_no.len() == code.len() + 11, "{index_no}");
    assert_eq!(entry["doc_no"], "青发改〔2026〕8号");
    let page = list(&app, &[("unit", &fgw.to_string()), ("topic", "health"), ("audience", "citizens")]).await;
    assert!(titles(&page).contains(&"关于做好2026年度城乡居民医保参保缴费工作的通知".to_owned()));
    assert_eq!(list(&app, &[]).await["total_published"].as_i64().unwrap(), before + 1);
    assert_eq!(titles(&list(&app, &[("q", "蝴蝶兰")]).await), ["关于做好2026年度城乡居民医保参保缴费工作的通知"]);
    let feed = client().get(app.url("/catalog/feed.atom")).send().await.unwrap();
    assert_eq!(feed.headers()["content-type"], "application/atom+xml; charset=utf-8");
    assert!(feed.text().await.unwrap().contains("关于做好2026年度城乡居民医保参保缴费工作的通知"));
    let sitemap = client().get(app.url("/sitemap.xml")).send().await.unwrap().text().await.unwrap();
    assert!(sitemap.contains(&format!("/catalog/{id}</loc>")));
    let history: Value = staff_entry(&app, &officer, id).await.json().await.unwrap();
    let steps: Vec<&str> = history["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert_eq!(steps, ["Created", "Submitted", "Returned", "Edited", "Submitted", "Published"]);

    // A revision keeps the index number and the URL, and is reviewed again before it shows.
    assert_eq!(act(&app, &officer, id, "revise", "").await.status(), StatusCode::OK);
    assert_eq!(act(&app, &officer, id, "revise", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY, "one open revision at a time");
    let mut revised = fields(id, fgw, "关于做好2026年度城乡居民医保参保缴费工作的补充通知");
    revised[13] = ("body", "<p>补充：缴费截止日期延长至12月31日。</p>".into());
    assert_eq!(save(&app, &officer, &revised).await.status(), StatusCode::OK);
    assert_eq!(titles(&list(&app, &[("q", "蝴蝶兰")]).await).len(), 1, "the published text stays until approval");
    assert_eq!(act(&app, &officer, id, "submit", "").await.status(), StatusCode::OK);
    assert_eq!(act(&app, &reviewer, id, "approve", "").await.status(), StatusCode::OK);
    let entry: Value = client().post(app.url("/api/catalog/entry")).form(&[("id", id.to_string())]).send().await.unwrap().json().await.unwrap();
    assert_eq!(entry["index_no"], index_no.as_str());
    assert_eq!(entry["title"], "关于做好2026年度城乡居民医保参保缴费工作的补充通知");
    assert!(titles(&list(&app, &[("q", "蝴蝶兰")]).await).is_empty());
    assert_eq!(titles(&list(&app, &[("q", "补充通知")]).await).len(), 1);
    let detail: Value = staff_entry(&app, &officer, id).await.json().await.unwrap();
    assert_eq!(detail["revisions"].as_array().unwrap().len(), 2);
    assert_eq!(list(&app, &[]).await["total_published"].as_i64().unwrap(), before + 1, "a revision is not a new entry");

    // Withdrawal needs a reason; the entry leaves the lists and says why at its address.
    assert_eq!(act(&app, &reviewer, id, "withdraw", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(act(&app, &reviewer, id, "withdraw", "内容已过时").await.status(), StatusCode::OK);
    let entry: Value = client().post(app.url("/api/catalog/entry")).form(&[("id", id.to_string())]).send().await.unwrap().json().await.unwrap();
    assert_eq!(entry["state"], "Withdrawn");
    assert_eq!(entry["withdrawn_reason"], "内容已过时");
    assert_eq!(entry["body"], "");
    assert!(titles(&list(&app, &[("q", "补充通知")]).await).is_empty());
    assert_eq!(list(&app, &[]).await["total_published"].as_i64().unwrap(), before);
    app.stop().await;
}

fn fixture(unit: usize, title: &str, body: &str, topic: Topic) -> GenEntry {
    GenEntry {
        unit,
        title: title.into(),
        summary: String::new(),
        keywords: String::new(),
        doc_no: String::new(),
        written_on: date!(2026 - 10 - 01),
        published_on: date!(2026 - 10 - 08),
        topic,
        genre: Genre::Notice,
        audience: Audience::Citizens,
        body: body.into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chinese_search_finds_short_words_both_scripts_ranks_titles_first_and_survives_hostile_queries() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let (unit_list, _) = units(&app.db).await.unwrap();
    let fixtures = vec![
        fixture(0, "居民身份证办理指南", "<p>办理居民身份证须本人到场。</p>", Topic::Justice),
        fixture(1, "關於補領居民身份證的說明", "<p>補領身份證可在網上預約。</p>", Topic::Justice),
        fixture(2, "关于调整社保缴费基数的通知", "<p>社保缴费基数每年调整一次。</p>", Topic::Labour),
        fixture(3, "关于做好年度工作的通知", "<p>医保医保医保，医保报销，医保结算，医保目录，医保药品。</p>", Topic::Health),
        fixture(4, "县医保局年度工作总结", "<p>总结。</p>", Topic::Health),
        fixture(5, "个人所得税汇算清缴公告", "<p>依法纳税。</p>", Topic::Finance),
    ];
    publish_bulk(&app.db, &fixtures, &unit_list, 1, false).await.unwrap();

    // Two characters, and one.
    let page = list(&app, &[("q", "社保")]).await;
    assert_eq!(titles(&page), ["关于调整社保缴费基数的通知"]);
    assert!(page["entries"][0]["title"].as_array().unwrap().contains(&serde_json::json!(["社保", true])), "highlighted");
    assert!(titles(&list(&app, &[("q", "税")]).await).contains(&"个人所得税汇算清缴公告".to_owned()));
    // Simplified finds traditional and the other way round; the traditional title is highlighted in its own script.
    for q in ["身份证", "身份證", "身份"] {
        let mut found = titles(&list(&app, &[("q", q)]).await);
        found.sort();
        assert_eq!(found, ["居民身份证办理指南", "關於補領居民身份證的說明"], "{q}");
    }
    let trad = list(&app, &[("q", "身份证")]).await;
    let marked = trad["entries"].as_array().unwrap().iter().flat_map(|e| e["title"].as_array().unwrap().clone()).collect::<Vec<_>>();
    assert!(marked.contains(&serde_json::json!(["身份證", true])), "{marked:?}");
    // A title hit ranks above a body that repeats the word.
    assert_eq!(titles(&list(&app, &[("q", "医保")]).await), ["县医保局年度工作总结", "关于做好年度工作的通知"]);
    // Combined with a filter.
    assert_eq!(titles(&list(&app, &[("q", "医保"), ("topic", "labour")]).await), Vec::<String>::new());
    // Nothing found says so rather than failing.
    let none = list(&app, &[("q", "量子纠缠")]).await;
    assert_eq!((none["total"].as_i64(), titles(&none).len()), (Some(0), 0));
    // Hostile input is plain text.
    let long_a = "a".repeat(10_000);
    let long_han = "社".repeat(10_000);
    for q in ["\"", "\"社保", "社保 OR 身份", "*", "NEAR(社保 身份)", "-社保", "社保^", "{title}: 社保", "'); DROP TABLE catalog_entries; --", "\\", ":*", "&|!", &long_a, &long_han] {
        let page = list(&app, &[("q", q)]).await;
        assert!(page["total"].as_i64().is_some(), "{q:.20}");
    }
    assert_eq!(titles(&list(&app, &[("q", "\"社保\"")]).await), ["关于调整社保缴费基数的通知"]);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_publishing_numbers_entries_in_order_across_statements_and_indexes_every_one() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let (unit_list, shorts) = units(&app.db).await.unwrap();
    let shorts: Vec<&str> = shorts.iter().map(String::as_str).collect();
    let before = list(&app, &[]).await["total_published"].as_i64().unwrap();
    let (max_id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM catalog_entries").fetch_one(&app.db.pool).await.unwrap();
    let serials: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT unit_id, period, last_serial FROM catalog_serials").fetch_all(&app.db.pool).await.unwrap();
    // Three statements' worth over every unit and ten years, continuing the demo's serials; one
    // entry in the middle has a word no other has.
    let mut items: Vec<GenEntry> = (0..130).map(|i| gongkai::demo::catalog::entry(5_000_000 + i, &shorts, date!(2026 - 11 - 20))).collect();
    items[77] = fixture(3, "关于紫藤花节活动安排的公告", "<p>紫藤花节期间实行交通管制。</p>", Topic::Culture);
    publish_bulk(&app.db, &items, &unit_list, 1, false).await.unwrap();

    let rows: Vec<(String, i64, String, String)> =
        sqlx::query_as("SELECT title, unit_id, index_no, published_on FROM catalog_entries WHERE id > $1 ORDER BY id")
            .bind(max_id)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), items.iter().map(|g| g.title.as_str()).collect::<Vec<_>>());
    let mut next = std::collections::HashMap::new();
    for (title, unit, index_no, published_on) in &rows {
        let (id, code) = unit_list.iter().find(|u| u.0 == *unit).unwrap();
        let year = &published_on[..4];
        let serial = next.entry((*id, year.to_owned())).or_insert_with(|| {
            serials.iter().find(|s| s.0 == *id && s.1 == year).map_or(0, |s| s.2)
        });
        *serial += 1;
        assert_eq!(index_no, &format!("{code}/{year}-{:05}", serial), "{title}");
    }
    assert_eq!(list(&app, &[]).await["total_published"].as_i64().unwrap(), before + 130);
    assert_eq!(titles(&list(&app, &[("q", "紫藤")]).await), ["关于紫藤花节活动安排的公告"]);
    // Every new entry is in the search index.
    let indexed = match app.db.backend {
        gongkai::server::db::Backend::Sqlite => "SELECT COUNT(*) FROM catalog_fts WHERE rowid > $1",
        gongkai::server::db::Backend::Postgres => "SELECT COUNT(*) FROM catalog_entries WHERE id > $1 AND search IS NOT NULL",
    };
    let (n,): (i64,) = sqlx::query_as(indexed).bind(max_id).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(n, 130);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browsing_counts_nodes_filters_by_date_and_pages_with_bookmarkable_filters() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let all = list(&app, &[]).await;
    let total = all["total_published"].as_i64().unwrap();
    assert!(total >= 600, "the demo catalog is published");
    assert_eq!(all["total"].as_i64().unwrap(), total);
    let topic_sum: i64 = all["topics"].as_array().unwrap().iter().map(|t| t[1].as_i64().unwrap()).sum();
    let audience_sum: i64 = all["audiences"].as_array().unwrap().iter().map(|t| t[1].as_i64().unwrap()).sum();
    assert_eq!((topic_sum, audience_sum), (total, total));
    // A department's count includes its sub-units'; top-level nodes add up to the total.
    let top: i64 = all["units"].as_array().unwrap().iter().filter(|u| u["depth"] == 0).map(|u| u["count"].as_i64().unwrap()).sum();
    assert_eq!(top, total);
    let (count_health,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM catalog_entries WHERE state = 'published' AND topic = 'health'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(list(&app, &[("topic", "health")]).await["total"].as_i64().unwrap(), count_health);
    let (count_range,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM catalog_entries WHERE state = 'published' AND topic = 'health' AND published_on >= '2025-01-01' AND published_on <= '2025-12-31'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let ranged = list(&app, &[("topic", "health"), ("from", "2025-01-01"), ("to", "2025-12-31")]).await;
    assert_eq!(ranged["total"].as_i64().unwrap(), count_range);
    assert!(ranged["entries"].as_array().unwrap().iter().all(|e| e["published_on"].as_str().unwrap().starts_with("2025")));
    // Pages do not overlap; a bad date is named and the rest still works.
    let ids = |page: &Value| page["entries"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect::<Vec<_>>();
    let p1 = ids(&list(&app, &[("page", "1")]).await);
    let p2 = ids(&list(&app, &[("page", "2")]).await);
    assert_eq!((p1.len(), p2.len()), (20, 20));
    assert!(p2.iter().all(|id| !p1.contains(id)), "{p1:?} {p2:?}");
    let bad = list(&app, &[("from", "2026-13-01"), ("topic", "health")]).await;
    assert_eq!(bad["errors"][0][0], "from");
    assert_eq!(bad["total"].as_i64().unwrap(), count_health);
    // The server renders the filtered page itself (no JavaScript needed), with the chosen node marked.
    let html = client().get(app.url("/catalog?topic=health&page=2")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("aria-current=\"page\""), "current node and page are marked");
    assert!(html.contains(&format!("{count_health}")));
    // The browse nodes and the choices are written as HTML, not views: names escaped all the
    // same, the chosen node and choice marked, the node's link clearing the filter it set.
    let unit = unit_id(&app, "发展和改革委员会").await;
    sqlx::query("UPDATE units SET name = $1 WHERE id = $2").bind(r#"发改委<i>"&"#).bind(unit).execute(&app.db.pool).await.unwrap();
    let html = client().get(app.url(&format!("/catalog?unit={unit}&q=%E9%80%9A%E7%9F%A5"))).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("发改委<i>"), "never as markup");
    let node = r#"<a href="/catalog?q=%E9%80%9A%E7%9F%A5" class="tap flex justify-between gap-2 rounded px-2 py-1 hover:bg-red-50 aria-[current=page]:bg-red-800 aria-[current=page]:text-white" aria-current="page"><span>发改委&lt;i&gt;"&amp;</span>"#;
    assert!(html.contains(node), "the chosen node, escaped, clears the unit");
    assert!(html.contains(&format!(r#"<option value="{unit}" selected>发改委&lt;i&gt;"&amp;</option>"#)), "the chosen unit is selected");
    assert!(html.contains(r#"<select id="catalog-unit" name="unit" class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2"><option value="">全部发布机构</option>"#), "a blank choice first");
    // The list alone, as the page fetches it when the router changes its query: the same HTML
    // the page carries (once: not again in its hydration data), in the reader's language, with a
    // bad date named next to its field.
    let part = client().get(app.url(&format!("/catalog/list.html?unit={unit}&q=%E9%80%9A%E7%9F%A5"))).send().await.unwrap();
    assert_eq!(part.status(), StatusCode::OK);
    assert_eq!(part.headers()["content-type"], "text/html; charset=utf-8");
    let part = part.text().await.unwrap();
    assert!(part.starts_with(r#"<form method="get" action="/catalog" role="search""#), "{part}");
    assert!(part.contains(node) && !part.contains("<html"), "{part}");
    assert_eq!(html.matches(part.as_str()).count(), 1, "the page has the list once");
    assert_eq!(html.matches("catalog-q-hint").count(), 2, "the hint and the field naming it, once");
    let en = client().get(app.url("/catalog/list.html?from=2026-13-01&topic=health")).header("cookie", "lang=en").send().await.unwrap();
    assert_eq!(en.status(), StatusCode::OK);
    let en = unmarked(&en.text().await.unwrap());
    assert!(en.contains(">Search</button>"), "{en}");
    assert!(en.contains(r#"<input id="catalog-from" name="from" type="date" value="" aria-invalid="true" aria-describedby="catalog-from-error""#), "{en}");
    assert!(en.contains(r#"<p id="catalog-from-error" class="text-sm font-medium text-red-800">Enter a valid date, e.g. 2026-10-01</p>"#), "{en}");
    assert!(en.contains(&format!("{count_health}")), "the other filters still apply");
    app.stop().await;
}

async fn import(app: &TestApp, c: &reqwest::Client, csv: &str) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("old-site.csv").mime_str("text/csv").unwrap();
    c.post(app.url("/admin/catalog/import/upload")).multipart(reqwest::multipart::Form::new().part("file", part)).send().await.unwrap()
}

async fn finished_import(app: &TestApp, c: &reqwest::Client, location: &str) -> Value {
    let id = location.rsplit('/').next().unwrap().to_owned();
    for _ in 0..100 {
        let v: Value = c.post(app.url("/api/catalog/import_status")).form(&[("id", &id)]).send().await.unwrap().json().await.unwrap();
        if v["finished"] == true {
            return crate::common::named_json(v);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("import {id} did not finish");
}

/// Stores an import as its server left it when it stopped: `done` rows handled (the first
/// published), the file kept, the lease ending at `lease_until`.
async fn interrupted_import(db: &gongkai::server::Db, staff: i64, tag: &str, lease_until: i64) {
    let header = "索引号,名称,内容概述,关键词,发布机构,文号,成文日期,发布日期,主题分类,体裁分类,服务对象,有效性,公开方式,正文\n";
    let rows: String = (1..=4)
        .map(|n| format!(",{tag}续传文件{n},,,青山县发展和改革委员会,,2021-03-0{n},2021-03-0{n},finance,notice,citizens,valid,proactive,\n"))
        .collect();
    let report = r#"[{"line":3,"title":"坏行","problems":[["名称","FieldRequired"]]}]"#;
    sqlx::query(
        "INSERT INTO catalog_imports (staff_id, file_name, csv, total, done, imported, report, finished, created_at, lease_until) \
         VALUES ($1, 'old.csv', $2, 4, 2, 1, $3, 0, 0, $4)",
    )
    .bind(staff)
    .bind(format!("{header}{rows}"))
    .bind(report)
    .bind(lease_until)
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn titled(app: &TestApp, title: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM catalog_entries WHERE title = $1").bind(title).fetch_one(&app.db.pool).await.unwrap().0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_cut_short_resumes_after_its_last_recorded_batch_on_the_next_start() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let (reviewer,): (i64,) = sqlx::query_as("SELECT id FROM staff WHERE username = 'reviewer.fgw'").fetch_one(&app.db.pool).await.unwrap();
    app.stop().await;
    // Written while no server runs: one lease ran out, the other is still held by a live server.
    let stopped = gongkai::server::Db::connect(&db.url, 1).await.unwrap();
    interrupted_import(&stopped, reviewer, "甲", 0).await;
    interrupted_import(&stopped, reviewer, "乙", i64::MAX / 2).await;
    stopped.pool.close().await;
    let app = TestApp::start(&db.url).await;
    let c = signed_in(&app, "reviewer.fgw").await;
    let (resumed,): (i64,) = sqlx::query_as("SELECT id FROM catalog_imports WHERE file_name = 'old.csv' ORDER BY id LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    let report = finished_import(&app, &c, &format!("/admin/catalog/import/{resumed}")).await;
    // Rows 1 and 2 were handled before the stop and are not repeated; 3 and 4 are imported now.
    assert_eq!((report["total"].as_i64(), report["done"].as_i64(), report["imported"].as_i64()), (Some(4), Some(4), Some(3)));
    assert_eq!(report["rejected"].as_array().map(Vec::len), Some(1), "the rejection recorded before the stop is kept: {report}");
    assert_eq!((titled(&app, "甲续传文件1").await, titled(&app, "甲续传文件2").await), (0, 0));
    assert_eq!((titled(&app, "甲续传文件3").await, titled(&app, "甲续传文件4").await), (1, 1));
    // The import whose lease is held elsewhere is left to its server.
    let (done, finished): (i64, i64) =
        sqlx::query_as("SELECT done, finished FROM catalog_imports WHERE file_name = 'old.csv' ORDER BY id DESC LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!((done, finished), (2, 0));
    assert_eq!(titled(&app, "乙续传文件3").await, 0);
    // The page of an unfinished import refreshes itself for readers without JavaScript only (with
    // it, the figures are fetched; a refresh would reload the page under the reader); a finished
    // import's page does not refresh.
    let (running,): (i64,) = sqlx::query_as("SELECT id FROM catalog_imports WHERE file_name = 'old.csv' ORDER BY id DESC LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    let page = |id: i64| {
        let c = c.clone();
        let url = app.url(&format!("/admin/catalog/import/{id}"));
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let (running, resumed) = (page(running).await, page(resumed).await);
    assert_eq!(running.matches("http-equiv=\"refresh\"").count(), 1, "{running}");
    assert!(running.contains(r#"<noscript><meta http-equiv="refresh" content="2"></noscript>"#), "{running}");
    assert!(resumed.contains("导入 3 条") && !resumed.contains("refresh"), "{resumed}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_import_publishes_good_rows_reports_bad_ones_and_round_trips_through_export() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let reviewer = signed_in(&app, "reviewer.fgw").await;
    let officer = signed_in(&app, "officer.edu").await;
    let header = "索引号,名称,内容概述,关键词,发布机构,文号,成文日期,发布日期,主题分类,体裁分类,服务对象,有效性,公开方式,正文\n";
    let csv = format!(
        "{header}\
         OLD/2019-00001,青山县紫薇花节活动方案,方案,紫薇花,青山县发展和改革委员会,,2019-04-01,2019-04-02,culture,plan,citizens,有效,主动公开,<p>紫薇花节</p>\n\
         ,关于紫薇路拓宽工程的公告,,,发展和改革委员会,青发改〔2020〕3号,2020-05-06,2020-05-08,城乡建设、环境保护,公告,法人,valid,proactive,<p>拓宽</p><script>x()</script>\n\
         ,别的单位的紫薇文件,,,青山县教育体育局,,2020-01-01,2020-01-02,education,notice,citizens,valid,proactive,\n\
         ,,,,青山县发展和改革委员会,,2020-02-30,2020-03-01,无此主题,notice,citizens,valid,proactive,\n\
         OLD/2019-00001,重复索引号的紫薇文件,,,青山县发展和改革委员会,,2019-04-01,2019-04-02,culture,notice,citizens,valid,proactive,\n\
         ,紫薇社区卫生服务站开诊通知,,,青山县发展和改革委员会,,2021-01-01,2021-01-05,衛生、體育,通知,公民,,,\n"
    );
    assert_eq!(import(&app, &officer, &csv).await.status(), StatusCode::FORBIDDEN, "officers do not publish");
    let res = import(&app, &reviewer, &csv).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/admin/catalog/import/"));
    let report = finished_import(&app, &reviewer, &location).await;
    assert_eq!((report["total"].as_i64(), report["done"].as_i64(), report["imported"].as_i64()), (Some(6), Some(6), Some(3)));
    let rejected: Vec<(i64, Vec<String>)> = report["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_i64().unwrap(), r["problems"].as_array().unwrap().iter().map(|p| format!("{}:{}", p[0].as_str().unwrap(), p[1].as_str().unwrap())).collect()))
        .collect();
    assert_eq!(
        rejected,
        vec![
            (4, vec!["发布机构:CsvNotYourUnit".to_owned()]),
            (5, vec!["名称:FieldRequired".to_owned(), "成文日期:DateInvalid".into(), "主题分类:ChooseOne".into()]),
            (6, vec!["索引号:CsvIndexTaken".to_owned()]),
        ]
    );
    // Kept in the database with the messages by name, so the report still reads after an upgrade
    // that changes the list of messages (the wire carries numbers).
    let (kept,): (String,) = sqlx::query_as("SELECT report FROM catalog_imports ORDER BY id DESC LIMIT 1").fetch_one(&app.db.pool).await.unwrap();
    assert!(kept.contains("\"CsvIndexTaken\"") && !kept.contains(&gongkai::i18n::Msg::CsvIndexTaken.wire().to_string()), "{kept}");
    // Imported entries are published: searchable, counted, with their history and a generated index number when none was given.
    let mut found = titles(&list(&app, &[("q", "紫薇")]).await);
    found.sort();
    assert_eq!(found, ["关于紫薇路拓宽工程的公告", "紫薇社区卫生服务站开诊通知", "青山县紫薇花节活动方案"]);
    let (index_no, body): (String, String) =
        sqlx::query_as("SELECT index_no, body FROM catalog_entries WHERE title = '关于紫薇路拓宽工程的公告'").fetch_one(&app.db.pool).await.unwrap();
    assert!(index_no.ends_with("/2020-00001") && !body.contains("script"), "{index_no} {body}");
    let (topic,): (String,) = sqlx::query_as("SELECT topic FROM catalog_entries WHERE title = '紫薇社区卫生服务站开诊通知'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(topic, "health");

    // The export has the same columns; importing it again is refused row by row (the index numbers are taken).
    let export = reviewer.get(app.url("/admin/catalog/export.csv")).send().await.unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    let text = export.text().await.unwrap();
    assert!(text.starts_with('\u{feff}') && text.contains("OLD/2019-00001") && text.contains("青山县紫薇花节活动方案"));
    assert_eq!(client().get(app.url("/admin/catalog/export.csv")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let res = import(&app, &reviewer, &text).await;
    let again = finished_import(&app, &reviewer, res.headers()["location"].to_str().unwrap()).await;
    assert_eq!(again["imported"].as_i64(), Some(0));
    assert!(again["rejected"].as_array().unwrap().iter().all(|r| r["problems"][0][1] == "CsvIndexTaken"));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_word_in_more_entries_than_are_ranked_lists_them_newest_first_with_a_bounded_count() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let (author,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM staff").fetch_one(&app.db.pool).await.unwrap();
    gongkai::demo::catalog::seed(&app.db, 4_500, date!(2026 - 11 - 20), author, false).await.unwrap();
    // Every generated text says 通知如下; a rarer phrase stays ranked.
    let ranked = gongkai::catalog::store::ranked(app.db.backend);
    let common = list(&app, &[("q", "通知")]).await;
    assert_eq!((common["total"].as_i64(), common["total_capped"].as_bool()), (Some(ranked), Some(true)));
    let ids = entry_ids(&common);
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!((ids.len(), &ids), (20, &sorted));
    let newest: Vec<(i64,)> = sqlx::query_as("SELECT id FROM catalog_entries WHERE state = 'published' ORDER BY id DESC LIMIT 40")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(ids, newest[..20].iter().map(|r| r.0).collect::<Vec<_>>());
    let second = list(&app, &[("q", "通知"), ("page", "2")]).await;
    assert_eq!(entry_ids(&second), newest[20..].iter().map(|r| r.0).collect::<Vec<_>>());
    let rare = list(&app, &[("q", "河长制")]).await;
    assert_eq!(rare["total_capped"].as_bool(), Some(false));
    assert!(rare["total"].as_i64().unwrap() > 0);
    app.stop().await;
}

fn entry_ids(page: &Value) -> Vec<i64> {
    page["entries"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newest_first_pages_reach_matches_behind_many_newer_entries_without_the_word() {
    // PostgreSQL looks for the first two pages of a common word among the newest entries (4,000
    // for page 1, 8,000 for page 2) and, when they hold too few matches or for later pages, in
    // the whole index: 1,100 entries with the word, then 4,100 without it.
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let (unit_list, _) = units(&app.db).await.unwrap();
    let with: Vec<GenEntry> = (0..1_100).map(|_| fixture(0, "关于紫藤花节活动安排的通知", "<p>紫藤花节期间实行交通管制。</p>", Topic::Culture)).collect();
    publish_bulk(&app.db, &with, &unit_list, 1, false).await.unwrap();
    let (last_with,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM catalog_entries").fetch_one(&app.db.pool).await.unwrap();
    let without: Vec<GenEntry> = (0..4_100).map(|_| fixture(1, "关于春季植树活动的安排", "<p>请各单位按时参加。</p>", Topic::Culture)).collect();
    publish_bulk(&app.db, &without, &unit_list, 1, false).await.unwrap();

    let ranked = gongkai::catalog::store::ranked(app.db.backend);
    for (page, first) in [(1, last_with), (2, last_with - 20), (3, last_with - 40)] {
        let found = list(&app, &[("q", "紫藤花"), ("page", &page.to_string())]).await;
        assert_eq!((found["total"].as_i64(), found["total_capped"].as_bool()), (Some(1_100.min(ranked)), Some(1_100 > ranked)));
        assert_eq!(entry_ids(&found), (first - 19..=first).rev().collect::<Vec<_>>(), "page {page}");
    }
    // With a filter the newest entries are those of the filter.
    let none = list(&app, &[("q", "紫藤花"), ("topic", "labour")]).await;
    assert_eq!((none["total"].as_i64(), entry_ids(&none).len()), (Some(0), 0));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_administrators_write_a_units_guide_and_its_markup_is_sanitised() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let unit = unit_id(&app, "教育体育局").await.to_string();
    let body = "<h2>一、依申请公开</h2><p>请通过本网站提交申请。</p><img src=x onerror=alert(1)><script>alert(2)</script>";
    let officer = signed_in(&app, "officer.edu").await;
    let res = officer.post(app.url("/api/catalog/guide_save")).form(&[("unit", unit.as_str()), ("body", body)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let admin = signed_in(&app, "admin").await;
    let res = admin.post(app.url("/api/catalog/guide_save")).form(&[("unit", unit.as_str()), ("body", body)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let guide: Value = client().post(app.url("/api/catalog/guide")).form(&[("unit", unit.as_str())]).send().await.unwrap().json().await.unwrap();
    let saved = guide["body"].as_str().unwrap();
    assert!(saved.contains("<h2>一、依申请公开</h2>") && !saved.contains("onerror") && !saved.contains("script"), "{saved}");
    let html = client().get(app.url(&format!("/catalog/guide/{unit}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("请通过本网站提交申请。"));
    let res = client().post(app.url("/api/catalog/guide")).form(&[("unit", "999999")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn attach(app: &TestApp, c: &reqwest::Client, id: i64, name: &'static str, bytes: &[u8]) -> String {
    let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name).mime_str("application/octet-stream").unwrap();
    let res = c.post(app.url(&format!("/admin/catalog/{id}/files"))).multipart(reqwest::multipart::Form::new().part("file", part)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{name}");
    res.headers()["location"].to_str().unwrap().to_owned()
}

/// (id, name) of each file of an entry's newest revision, as its staff see it.
async fn staff_files(app: &TestApp, c: &reqwest::Client, id: i64) -> Vec<(i64, String)> {
    let detail: Value = staff_entry(app, c, id).await.json().await.unwrap();
    detail["revisions"][0]["files"].as_array().unwrap().iter().map(|f| (f["id"].as_i64().unwrap(), f["name"].as_str().unwrap().to_owned())).collect()
}

async fn public_files(app: &TestApp, id: i64) -> Vec<(i64, String)> {
    let entry: Value = client().post(app.url("/api/catalog/entry")).form(&[("id", id.to_string())]).send().await.unwrap().json().await.unwrap();
    entry["files"].as_array().unwrap().iter().map(|f| (f["id"].as_i64().unwrap(), f["name"].as_str().unwrap().to_owned())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachments_follow_the_reviewed_text_and_are_served_safely() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let fgw = unit_id(&app, "发展和改革委员会").await;
    let officer = signed_in(&app, "officer.fgw").await;
    let reviewer = signed_in(&app, "reviewer.fgw").await;
    let other = signed_in(&app, "officer.edu").await;
    let id: i64 = save(&app, &officer, &fields(0, fgw, "县发改委关于重点项目的公示")).await.json().await.unwrap();
    let pdf = b"%PDF-1.7\n% plan\n".to_vec();
    let xlsx = b"PK\x03\x04 spreadsheet".to_vec();

    // Only the unit's officer attaches, and only files that are what their names say.
    let forbidden = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(pdf.clone()).file_name("x.pdf"));
    assert_eq!(other.post(app.url(&format!("/admin/catalog/{id}/files"))).multipart(forbidden).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let anonymous = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(pdf.clone()).file_name("x.pdf"));
    assert_eq!(client().post(app.url(&format!("/admin/catalog/{id}/files"))).multipart(anonymous).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert!(attach(&app, &officer, id, "page.pdf", b"<html><script>alert(1)</script>").await.ends_with("file_error=type"));
    assert!(attach(&app, &officer, id, "tool.jar", b"PK\x03\x04 java").await.ends_with("file_error=type"));
    assert!(attach(&app, &officer, id, "项目清单.pdf", &pdf).await.ends_with("file_saved=1"));
    assert!(attach(&app, &officer, id, "资金表.xlsx", &xlsx).await.ends_with("file_saved=1"));
    let files = staff_files(&app, &officer, id).await;
    assert_eq!(files.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["项目清单.pdf", "资金表.xlsx"]);
    let (pdf_id, xlsx_id) = (files[0].0, files[1].0);

    // A draft's files exist for the unit only.
    assert_eq!(client().get(app.url(&format!("/catalog/{id}/files/{pdf_id}"))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(other.get(app.url(&format!("/admin/catalog/{id}/files/{pdf_id}"))).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(reviewer.get(app.url(&format!("/admin/catalog/{id}/files/{pdf_id}"))).send().await.unwrap().status(), StatusCode::OK);

    // Submitted: the files are frozen with the text; published: the public gets them, safely.
    assert_eq!(act(&app, &officer, id, "submit", "").await.status(), StatusCode::OK);
    assert!(attach(&app, &officer, id, "迟到.pdf", &pdf).await.ends_with("file_error=count"));
    let res = officer.post(app.url(&format!("/admin/catalog/{id}/files/{pdf_id}/remove"))).send().await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_error=count"), "pending files cannot be removed");
    assert_eq!(act(&app, &reviewer, id, "approve", "").await.status(), StatusCode::OK);
    assert_eq!(public_files(&app, id).await, files);
    let res = client().get(app.url(&format!("/catalog/{id}/files/{pdf_id}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert!(res.headers()["content-security-policy"].to_str().unwrap().contains("sandbox"));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    assert_eq!(client().get(app.url(&format!("/catalog/{}/files/{pdf_id}", id + 1))).send().await.unwrap().status(), StatusCode::NOT_FOUND, "another entry's path");

    // A revision starts with the published files; removing one there leaves the public text alone until approval.
    assert_eq!(act(&app, &officer, id, "revise", "").await.status(), StatusCode::OK);
    let carried = staff_files(&app, &officer, id).await;
    assert_eq!(carried.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["项目清单.pdf", "资金表.xlsx"]);
    assert!(carried.iter().all(|f| f.0 != pdf_id && f.0 != xlsx_id), "the draft has its own rows");
    let res = officer.post(app.url(&format!("/admin/catalog/{id}/files/{pdf_id}/remove"))).send().await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_error=count"), "the published row is not the draft's");
    let res = officer.post(app.url(&format!("/admin/catalog/{id}/files/{}/remove", carried[1].0))).send().await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().ends_with("file_removed=1"));
    assert_eq!(public_files(&app, id).await.len(), 2);
    assert_eq!(act(&app, &officer, id, "submit", "").await.status(), StatusCode::OK);
    assert_eq!(act(&app, &reviewer, id, "approve", "").await.status(), StatusCode::OK);
    assert_eq!(public_files(&app, id).await, vec![carried[0].clone()]);
    assert_eq!(client().get(app.url(&format!("/catalog/{id}/files/{xlsx_id}"))).send().await.unwrap().status(), StatusCode::NOT_FOUND, "superseded");
    assert_eq!(client().get(app.url(&format!("/catalog/{id}/files/{}", carried[0].0))).send().await.unwrap().bytes().await.unwrap().to_vec(), pdf);

    // Every change is in the history.
    let detail: Value = staff_entry(&app, &officer, id).await.json().await.unwrap();
    let steps: Vec<&str> = detail["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert_eq!(steps.iter().filter(|s| **s == "FileAdded").count(), 2);
    assert_eq!(steps.iter().filter(|s| **s == "FileRemoved").count(), 1);
    // Withdrawn: the files go with the text.
    assert_eq!(act(&app, &reviewer, id, "withdraw", "项目已调整").await.status(), StatusCode::OK);
    assert_eq!(client().get(app.url(&format!("/catalog/{id}/files/{}", carried[0].0))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
