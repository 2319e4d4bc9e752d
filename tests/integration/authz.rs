//! The authorization matrix (issue #11): every registered server function is called anonymously,
//! as staff who must be refused (another unit, or a role without the right), and as staff who
//! must be let through. The list comes from the server's own registry, so a new function that
//! is not classified here fails the test. Every back-office page is then opened anonymously.

use crate::common::{DEMO_PASSWORD, TestApp, TestDb, client, login};
use reqwest::StatusCode;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Obj {
    None,
    /// A draft entry of 发改委.
    Entry,
    /// A case of 发改委.
    Case,
    /// A letter routed to 发改委.
    Letter,
    /// A case rating of 发改委.
    Rating,
    Survey,
    Campaign,
}

/// Who may call a function. `wrong` must get 403 (or 404 where the object's existence is hidden
/// from them); `right` must get past the gate (anything but 401, 403 and 500).
pub(crate) enum Access {
    Public,
    Staff { wrong: &'static [&'static str], right: Option<&'static str>, obj: Obj },
}

const NOT_UNIT_STAFF: &[&str] = &["evaluator"];
const OTHER_UNIT: &[&str] = &["officer.edu", "reviewer.edu", "evaluator"];
const NOT_EVALUATORS: &[&str] = &["officer.fgw", "reviewer.fgw", "officer.edu"];
const NOT_SITE_ADMINS: &[&str] = &["officer.fgw", "reviewer.edu", "evaluator"];

fn staff(wrong: &'static [&'static str], right: &'static str, obj: Obj) -> Access {
    Access::Staff { wrong, right: Some(right), obj }
}

pub(crate) fn access(path: &str) -> Option<Access> {
    use Access::Public;
    let p = path.trim_start_matches("/api/");
    Some(match p {
        // Citizens' side.
        "catalog/list" | "catalog/entry" | "catalog/guide" | "hotline/form" | "hotline/write" | "hotline/receipt" | "hotline/rate"
        | "hotline/public" | "hotline/stats" | "lookup/find" | "lookup/correct" | "lookup/board" | "lookup/any" | "reports/annual"
        | "apply/form" | "apply/matter" | "apply/matters" | "apply/submit" | "apply/receipt" | "staff/login" | "staff/logout"
        | "staff/me" | "surveys/list" | "surveys/form" | "surveys/results" | "ratings/window/form" | "ratings/window/rate"
        | "ratings/rate" | "ratings/rerate" | "ratings/form" | "ratings/public" => Public,
        // Unit work: lists scoped to the member's own units.
        "catalog/staff_list" | "hotline/queue" | "cases/queue" => staff(NOT_UNIT_STAFF, "officer.edu", Obj::None),
        // Staff outside the units get an empty list.
        "hotline/alarms" => Access::Staff { wrong: &[], right: Some("officer.edu"), obj: Obj::None },
        "catalog/new_form" => staff(NOT_UNIT_STAFF, "officer.fgw", Obj::None),
        "ratings/staff" => Access::Staff { wrong: &[], right: Some("officer.edu"), obj: Obj::None },
        "calendar/year" | "assessment/scores" | "assessment/overview" => Access::Staff { wrong: &[], right: Some("officer.edu"), obj: Obj::None },
        // A unit's yearly report is written by its administrators and reviewers.
        "reports/edit" | "reports/save" => staff(&["officer.fgw", "officer.edu", "evaluator"], "admin", Obj::None),
        "catalog/import_status" => Access::Staff { wrong: OTHER_UNIT, right: None, obj: Obj::None },
        // One object of one unit.
        "catalog/staff_entry" | "catalog/save" | "catalog/act" => staff(OTHER_UNIT, "officer.fgw", Obj::Entry),
        "cases/detail" | "cases/act" => staff(OTHER_UNIT, "officer.fgw", Obj::Case),
        "hotline/detail" | "hotline/act" => staff(OTHER_UNIT, "officer.fgw", Obj::Letter),
        "ratings/respond" => staff(OTHER_UNIT, "officer.fgw", Obj::Rating),
        "ratings/appeal" => staff(&["officer.edu", "reviewer.edu", "officer.fgw"], "reviewer.fgw", Obj::Rating),
        // Evaluators.
        "ratings/decide" => staff(NOT_EVALUATORS, "evaluator", Obj::None),
        "ratings/dashboard" | "ratings/campaigns" | "ratings/campaigns/create" | "surveys/admin/list" | "surveys/admin/new-form"
        | "surveys/admin/create" => staff(NOT_EVALUATORS, "evaluator", Obj::None),
        "ratings/campaigns/get" | "ratings/campaigns/act" | "ratings/campaigns/visits" | "ratings/campaigns/slips" => {
            staff(NOT_EVALUATORS, "evaluator", Obj::Campaign)
        }
        "surveys/admin/settings" | "surveys/admin/one" | "surveys/admin/question" | "surveys/admin/change" | "surveys/admin/state"
        | "surveys/admin/invites" => staff(NOT_EVALUATORS, "evaluator", Obj::Survey),
        // Site administrators.
        "catalog/guide_save" | "units/admin_list" | "staff/accounts" | "staff/create_account" | "staff/revoke_role" | "calendar/set"
        | "calendar/clear" | "assessment/rule" | "assessment/rule_remove" | "assessment/column" => staff(NOT_SITE_ADMINS, "admin", Obj::None),
        _ => return None,
    })
}

/// Every argument any function takes, with values that get through deserialisation and mostly
/// ask for nothing to change (an invalid date, a staff member that does not exist). The action is
/// `submit`: the catalog dispatches on it before its gate, the other steps refuse it after theirs.
fn body(id: i64) -> Vec<(&'static str, String)> {
    let mut b: Vec<(&'static str, String)> = [
        ("token", "0123456789abcdef0123456789abcdef"),
        ("action", "submit"),
        ("change", "matrix-check"),
        ("decision", "matrix-check"),
        ("appeal", "999999"),
        ("question", "999999"),
        ("staff_id", "999999"),
        ("username", ""),
        ("display_name", ""),
        ("password", ""),
        ("role", "matrix-check"),
        ("unit_id", "1"),
        ("unit", "999999"),
        ("year", "2026"),
        ("date", "not-a-date"),
        ("kind", "matrix-check"),
        ("note", ""),
        ("body", ""),
        ("t", "0000-0000-0000"),
        ("c", "000000"),
        ("slug", "ZZZZZZ"),
        ("satisfaction", ""),
        ("tracking", "0000-0000-0000"),
        ("count", "0"),
        ("appeals", "false"),
        ("topic", "matrix-check"),
        ("class", "matrix-check"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    b.push(("id", id.to_string()));
    b
}

async fn ids(app: &TestApp) -> Vec<(Obj, i64)> {
    const FGW: &str = "(SELECT id FROM units WHERE short_name = '发展和改革委员会')";
    let queries = [
        (Obj::Entry, format!("SELECT MIN(id) FROM catalog_entries WHERE unit_id = {FGW} AND state = 'unpublished'")),
        (Obj::Case, format!("SELECT MIN(id) FROM cases WHERE unit_id = {FGW}")),
        (Obj::Letter, format!("SELECT MIN(letter_id) FROM letter_routes WHERE unit_id = {FGW}")),
        (Obj::Rating, format!("SELECT MIN(id) FROM ratings WHERE unit_id = {FGW}")),
        (Obj::Survey, "SELECT MIN(id) FROM surveys".to_owned()),
        (Obj::Campaign, "SELECT MIN(id) FROM rating_campaigns".to_owned()),
    ];
    let mut out = Vec::new();
    for (obj, q) in queries {
        let (id,): (i64,) = sqlx::query_as(&q).fetch_one(&app.db.pool).await.unwrap_or_else(|e| panic!("{q}: {e}"));
        out.push((obj, id));
    }
    out
}

async fn signed_in(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(login(app, &c, user, DEMO_PASSWORD).await.status(), StatusCode::OK, "{user} signs in");
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_refuses_the_wrong_callers_and_lets_the_right_one_through() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let ids = ids(&app).await;
    let id_of = |o: Obj| ids.iter().find(|x| x.0 == o).map(|x| x.1).unwrap_or(1);
    let mut users = std::collections::HashMap::new();
    for u in ["officer.fgw", "reviewer.fgw", "officer.edu", "reviewer.edu", "evaluator", "admin"] {
        users.insert(u, signed_in(&app, u).await);
    }
    let mut paths: Vec<&'static str> = leptos::server_fn::axum::server_fn_paths().map(|p| p.0).collect();
    paths.sort();
    assert!(paths.len() >= 70, "the registry lists every server function: {}", paths.len());
    let mut unclassified: Vec<&str> = Vec::new();
    let (mut public, mut checked) = (0, 0);
    for path in &paths {
        let Some(access) = access(path) else {
            unclassified.push(*path);
            continue;
        };
        let Access::Staff { wrong, right, obj } = access else {
            public += 1;
            continue;
        };
        let form = body(id_of(obj));
        let call = |c: reqwest::Client| {
            let (url, form) = (app.url(path), form.clone());
            async move { c.post(url).form(&form).send().await.unwrap() }
        };
        let res = call(client()).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path} anonymously: {}", res.text().await.unwrap());
        // Nonsense in every free-text field: a stranger is still told only to sign in, never
        // which action or field the function would refuse.
        let nonsense: Vec<(&str, String)> =
            form.iter().map(|(k, v)| (*k, if v.parse::<i64>().is_ok() || *k == "appeals" { v.clone() } else { "x".repeat(5000) })).collect();
        let res = client().post(app.url(path)).form(&nonsense).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path} anonymously with nonsense: {}", res.text().await.unwrap());
        for u in wrong {
            let res = call(users[u].clone()).await;
            let status = res.status();
            assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{path} as {u}: {status} {}", res.text().await.unwrap());
        }
        if let Some(u) = right {
            let res = call(users[u].clone()).await;
            let status = res.status();
            assert!(
                !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::INTERNAL_SERVER_ERROR),
                "{path} as {u}: {status} {}",
                res.text().await.unwrap()
            );
        }
        checked += 1;
    }
    assert!(unclassified.is_empty(), "server functions missing from the authorization matrix: {unclassified:?}");
    println!("authorization matrix: {checked} staff functions checked, {public} public");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_back_office_page_asks_an_anonymous_visitor_to_sign_in() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    // The router has one route for the back office; the staff pages are matched behind it.
    let routes = leptos_axum::generate_route_list(gongkai::app::App);
    let admin: Vec<String> = routes.iter().map(|r| r.path().to_owned()).filter(|p| p.starts_with("/admin") && p != "/admin/login").collect();
    assert_eq!(admin, ["/admin/{*rest}"]);
    let admin: Vec<String> = gongkai::app::admin_page_patterns().into_iter().map(|p| format!("/admin/{p}")).chain(["/admin/no-such-page".to_owned()]).collect();
    assert!(admin.len() >= 20, "{admin:?}");
    for path in &admin {
        let url = path.split('/').map(|seg| if seg.starts_with(':') { "1" } else { seg }).collect::<Vec<_>>().join("/");
        let res = client().get(app.url(&url)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{url}");
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"href="/admin/login""#) && !html.contains("admin-nav"), "{url} shows only the sign-in prompt");
    }
    // Signed in, a page that does not exist is not found, inside the back office's layout.
    let staff = client();
    assert_eq!(login(&app, &staff, "officer.fgw", DEMO_PASSWORD).await.status(), StatusCode::OK);
    let res = staff.get(app.url("/admin/no-such-page")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("admin-nav"));
    // The dashboard, with and without the slash, is found (`/admin/*rest` alone left `/admin`
    // to the fallback, which rendered it as "not found").
    for path in ["/admin", "/admin/"] {
        let res = staff.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.text().await.unwrap().contains(r#"data-testid="roles""#), "{path} shows the dashboard");
    }
    let res = staff.get(app.url("/admin/catalog/new")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "a fixed segment, not an entry called `new`");
    app.stop().await;
}
