//! The yearly report's applications table, counted by the database from stored requests and
//! their answers, for the county and for one unit; and its balance check on inconsistent data.

use crate::common::{TestApp, TestDb, client};
use serde_json::Value;

/// Stores an information request of `unit` filed on `filed`, answered on `closed` with `code`.
async fn request(app: &TestApp, n: i64, unit: i64, applicant: &str, filed: &str, closed: Option<(&str, &str)>) {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cases (kind, tracking, code_hash, submit_key, unit_id, status, applicant_type, applicant_name, id_type, id_number, \
         phone, subject, delivery, filed_on, closed_on, created_at, updated_at) \
         VALUES ('info', $1, 'x', $2, $3, $4, $5, '测试', 'idcard', 'x', '13800138000', '报告测试', 'online', $6, $7, 0, 0) RETURNING id",
    )
    .bind(format!("RPT{n:07}"))
    .bind(format!("report-{n}"))
    .bind(unit)
    .bind(if closed.is_some() { "answered" } else { "received" })
    .bind(applicant)
    .bind(filed)
    .bind(closed.map(|c| c.0))
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    if let Some((on, code)) = closed {
        sqlx::query("INSERT INTO case_events (case_id, kind, on_date, code, at) VALUES ($1, 'answer', $2, $3, 0)")
            .bind(id)
            .bind(on)
            .bind(code)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
}

async fn report(app: &TestApp, year: &str, unit: &str) -> Value {
    let res = client().post(app.url("/api/reports/annual")).form(&[("year", year), ("unit", unit)]).send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    res.json().await.unwrap()
}

fn row(r: &Value, key: &str) -> Vec<i64> {
    let rows = r["table"]["rows"].as_array().unwrap();
    rows.iter().find(|x| x[0] == key).unwrap()[1].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_applications_table_counts_a_year_of_requests_and_checks_its_balance() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let units: Vec<(i64,)> = sqlx::query_as("SELECT id FROM units ORDER BY id LIMIT 2").fetch_all(&app.db.pool).await.unwrap();
    let (a, b) = (units[0].0, units[1].0);
    request(&app, 1, a, "person", "2018-06-01", Some(("2018-06-20", "disclosed"))).await; // an earlier year only
    request(&app, 2, a, "person", "2018-12-20", Some(("2019-01-10", "partly"))).await; // carried in
    request(&app, 3, a, "business", "2018-12-28", None).await; // carried in and over
    request(&app, 4, a, "person", "2019-03-01", Some(("2019-03-15", "withheld:thirdparty"))).await;
    request(&app, 5, a, "research", "2019-04-01", Some(("2019-04-02", "repeated"))).await;
    request(&app, 6, b, "legal", "2019-05-01", Some(("2019-05-09", "public"))).await;
    request(&app, 7, b, "person", "2019-12-30", Some(("2020-01-06", "none"))).await; // carried over
    request(&app, 8, b, "other", "2020-02-01", None).await; // a later year only

    let county = report(&app, "2019", "").await;
    //                                                 自然人 商业 科研 公益 法律 其他 总计
    assert_eq!(row(&county, "new"), vec![2, 0, 1, 0, 1, 0, 4]);
    assert_eq!(row(&county, "carried_in"), vec![1, 1, 0, 0, 0, 0, 2]);
    assert_eq!(row(&county, "disclosed"), vec![0, 0, 0, 0, 1, 0, 1]);
    assert_eq!(row(&county, "partly"), vec![1, 0, 0, 0, 0, 0, 1]);
    assert_eq!(row(&county, "withheld:thirdparty"), vec![1, 0, 0, 0, 0, 0, 1]);
    assert_eq!(row(&county, "refused:repeated"), vec![0, 0, 1, 0, 0, 0, 1]);
    assert_eq!(row(&county, "total"), vec![2, 0, 1, 0, 1, 0, 4]);
    assert_eq!(row(&county, "carried_out"), vec![1, 1, 0, 0, 0, 0, 2]);
    assert_eq!(county["unbalanced"], serde_json::json!([]));

    let unit_b = report(&app, "2019", &b.to_string()).await;
    assert_eq!(row(&unit_b, "new"), vec![1, 0, 0, 0, 1, 0, 2]);
    assert_eq!(row(&unit_b, "carried_out"), vec![1, 0, 0, 0, 0, 0, 1]);

    // An answer recorded without the reason the form needs cannot be placed: the check fails
    // in its column and in the total, and the page says which.
    request(&app, 9, b, "charity", "2019-07-01", Some(("2019-07-02", "withheld"))).await;
    let broken = report(&app, "2019", "").await;
    assert_eq!(broken["unbalanced"], serde_json::json!([3, 6]));
    let html = client().get(app.url("/catalog/reports/2019")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("勾稽校验未通过，请核查以下各列：社会公益组织、总计"), "the page names the failing columns");
    assert_eq!(client().get(app.url("/catalog/reports/1999")).send().await.unwrap().status(), reqwest::StatusCode::NOT_FOUND);
    app.stop().await;
}
