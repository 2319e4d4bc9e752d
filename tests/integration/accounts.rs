//! Administrators create staff accounts and grant and revoke roles.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login, signed_in, named};
use reqwest::StatusCode;

async fn create(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> reqwest::Response {
    c.post(app.url("/api/staff/create_account")).form(fields).send().await.unwrap()
}

async fn unit_id(app: &TestApp, short_name: &str) -> String {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = $1").bind(short_name).fetch_one(&app.db.pool).await.unwrap();
    id.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_creates_an_officer_who_then_works_in_that_unit_only() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    let water = unit_id(&app, "水利局").await;
    let res = create(&app, &admin, &[("username", "officer.water"), ("display_name", "水利局信息员"), ("password", "Water-2026-ok"), ("role", "officer"), ("unit_id", &water)]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());

    let officer = client();
    assert!(signed_in(login(&app, &officer, "officer.water", "Water-2026-ok").await));
    let me: serde_json::Value = officer.post(app.url("/api/staff/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["grants"][0]["role"], "Officer");
    assert_eq!(me["grants"][0]["unit_name"], "青山县水利局");
    // Not an administrator: the account list is refused.
    assert_eq!(officer.post(app.url("/api/staff/accounts")).send().await.unwrap().status(), StatusCode::FORBIDDEN);

    let list: Vec<serde_json::Value> = admin.post(app.url("/api/staff/accounts")).send().await.unwrap().json().await.unwrap();
    let account = list.iter().find(|a| a["username"] == "officer.water").expect("listed");
    let id = account["id"].as_i64().unwrap().to_string();

    // Revoking takes effect at once: the next call of the officer sees no role.
    let res = admin.post(app.url("/api/staff/revoke_role")).form(&[("staff_id", id.as_str()), ("role", "officer"), ("unit_id", &water)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: serde_json::Value = officer.post(app.url("/api/staff/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["grants"].as_array().unwrap().len(), 0);
    let again = admin.post(app.url("/api/staff/revoke_role")).form(&[("staff_id", id.as_str()), ("role", "officer"), ("unit_id", &water)]).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_form_errors_name_their_field_and_create_nothing() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    let water = unit_id(&app, "水利局").await;
    let (before,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff").fetch_one(&app.db.pool).await.unwrap();
    for (user, name, pw, role, unit, field, msg) in [
        ("officer.fgw", "重名", "Strong-Pass-2026", "officer", water.as_str(), "username", "UsernameTaken"),
        ("张三", "张三", "Strong-Pass-2026", "officer", water.as_str(), "username", "UsernameInvalid"),
        ("new.one", "", "Strong-Pass-2026", "officer", water.as_str(), "display_name", "DisplayNameInvalid"),
        ("new.one", "新人", "short", "officer", water.as_str(), "password", "PasswordTooShort"),
        ("new.one", "新人", "Strong-Pass-2026", "root", water.as_str(), "role", "FieldRequired"),
        ("new.one", "新人", "Strong-Pass-2026", "officer", "", "unit_id", "FieldRequired"),
        ("new.one", "新人", "Strong-Pass-2026", "reviewer", "999999", "unit_id", "FieldRequired"),
    ] {
        let res = create(&app, &admin, &[("username", user), ("display_name", name), ("password", pw), ("role", role), ("unit_id", unit)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{user}/{field}");
        let body = named(res).await;
        assert!(body.contains(field) && body.contains(msg), "{user}/{field}: {body}");
    }
    let (after,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(before, after);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_administrators_manage_accounts_and_none_can_remove_their_own_admin_role() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let reviewer = client();
    login(&app, &reviewer, "reviewer.fgw", DEMO_PASSWORD).await;
    let res = create(&app, &reviewer, &[("username", "sneaky"), ("display_name", "x"), ("password", "Strong-Pass-2026"), ("role", "admin"), ("unit_id", "")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let full = [("username", "anon"), ("display_name", "x"), ("password", "Strong-Pass-2026"), ("role", "admin"), ("unit_id", "")];
    assert_eq!(create(&app, &client(), &full).await.status(), StatusCode::UNAUTHORIZED);
    // Missing fields are the client's mistake, never a server error.
    let res = create(&app, &client(), &[("username", "anon")]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(named(res).await.contains("BadRequest"));

    let admin = client();
    login(&app, &admin, "admin", DEMO_PASSWORD).await;
    let (admin_id,): (i64,) = sqlx::query_as("SELECT id FROM staff WHERE username = 'admin'").fetch_one(&app.db.pool).await.unwrap();
    let res = admin.post(app.url("/api/staff/revoke_role")).form(&[("staff_id", admin_id.to_string().as_str()), ("role", "admin"), ("unit_id", "")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}
