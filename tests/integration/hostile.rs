//! Hostile input (issue #11): a corpus of attack strings fed to every public page (each path
//! parameter and the query parameters pages read) and to every public server function (each
//! argument), as well as malformed bodies. The server never answers 500, and no page echoes
//! markup from its input. The browser half (nothing executes) is in end2end/tests/hostile.spec.ts.

use crate::authz::{Access, access};
use crate::common::{TestApp, TestDb, client};
use reqwest::StatusCode;

pub const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' OR '1'='1' --",
    "1; DROP TABLE cases; --",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "nul\u{0}byte",
    "javascript:alert(1)",
    "{{7*7}}${7*7}",
    "\u{202e}gnp.exe",
    "-1",
    "99999999999999999999999",
    "身份证号 11010519491231002X",
];

/// Query parameters the public pages read.
const QUERY: &[&str] = &["q", "unit", "topic", "audience", "genre", "from", "to", "page", "t", "c", "type", "month", "v", "draft", "done", "sort"];

/// Every argument name of the public server functions.
const ARGS: &[&str] = &[
    "q", "type", "unit", "page", "from", "to", "month", "t", "c", "slug", "v", "draft", "visit", "level", "comment", "subject", "content",
    "name", "phone", "email", "location", "letter_type", "addressee", "public_ok", "applicant_type", "applicant_name", "org_name",
    "id_type", "id_number", "address", "unit_id", "description", "purpose", "delivery", "matter", "token", "satisfaction", "reason",
    "second_level", "efficiency", "attitude", "guide", "convenience", "note", "tracking", "id", "year", "username", "password",
];

fn inert(html: &str) -> bool {
    !html.contains("<script>alert(1)") && !html.contains("<img src=x onerror")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_never_fail_and_never_echo_markup_from_their_input() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let routes = leptos_axum::generate_route_list(gongkai::app::App);
    let public: Vec<String> = routes.iter().map(|r| r.path().to_owned()).filter(|p| !p.starts_with("/admin")).collect();
    assert!(public.len() >= 20, "{public:?}");
    let mut requests = 0;
    for path in &public {
        for payload in CORPUS {
            let enc = urlencoding::encode(payload);
            let url = path.split('/').map(|seg| if seg.starts_with(':') { enc.as_ref() } else { seg }).collect::<Vec<_>>().join("/");
            let query: Vec<String> = QUERY.iter().map(|k| format!("{k}={enc}")).collect();
            let res = client().get(app.url(&format!("{url}?{}", query.join("&")))).send().await.unwrap();
            let status = res.status();
            let html = res.text().await.unwrap();
            assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "{url} with {payload:?}: 500");
            assert!(inert(&html), "{url} with {payload:?} echoes markup");
            requests += 1;
        }
    }
    // A megabyte in a query parameter is refused or ignored, never a failure.
    let big = "A".repeat(1 << 20);
    for path in ["/catalog", "/hotline", "/lookup"] {
        let status = client().get(app.url(&format!("{path}?q={big}"))).send().await.map(|r| r.status()).unwrap_or(StatusCode::BAD_REQUEST);
        assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "{path} with 1 MB");
    }
    println!("hostile pages: {requests} requests, {} pages, {} payloads", public.len(), CORPUS.len());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_server_functions_refuse_hostile_arguments_without_failing() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let paths: Vec<&'static str> =
        leptos::server_fn::axum::server_fn_paths().map(|p| p.0).filter(|p| matches!(access(p), Some(Access::Public))).collect();
    assert!(paths.len() >= 25, "{paths:?}");
    let mega = "政".repeat(300_000);
    let mut requests = 0;
    for path in &paths {
        for payload in CORPUS.iter().copied().chain([mega.as_str()]) {
            let huge = payload.len() > 1000;
            // Once with every argument hostile, once with the numeric ones well-formed; a huge
            // value goes into the free-text fields only.
            for numeric in [false, true] {
                let form: Vec<(&str, &str)> = ARGS
                    .iter()
                    .map(|k| match (*k, numeric) {
                        ("id" | "year" | "unit" | "page", true) => (*k, "1"),
                        ("q" | "subject" | "content" | "comment", _) => (*k, payload),
                        (_, _) if huge => (*k, "x"),
                        _ => (*k, payload),
                    })
                    .collect();
                let res = match client().post(app.url(path)).form(&form).send().await {
                    Ok(res) => res,
                    // A body past the 2 MB limit may be refused (413) and the connection closed
                    // before the client has finished writing it: a refusal, not a failure.
                    Err(e) if huge && e.is_request() => {
                        requests += 1;
                        continue;
                    }
                    Err(e) => panic!("{path}: {e:?}"),
                };
                assert!(res.status() != StatusCode::INTERNAL_SERVER_ERROR, "{path} with {:?}: {}", &payload[..payload.len().min(40)], res.text().await.unwrap());
                requests += 1;
            }
        }
        // Malformed bodies: invalid UTF-8, JSON where a form is expected, a truncated escape.
        for (mime, body) in [
            ("application/x-www-form-urlencoded", b"subject=\xff\xfe\xfd&t=%E4%B8".to_vec()),
            ("application/json", br#"{"id": 1, "t": ["x"]}"#.to_vec()),
            ("application/x-www-form-urlencoded", b"id=%&t=%zz&&&==".to_vec()),
            ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n\0\r\n--x--".to_vec()),
        ] {
            let res = client().post(app.url(path)).header("content-type", mime).body(body).send().await.unwrap();
            assert!(res.status() != StatusCode::INTERNAL_SERVER_ERROR, "{path} with a malformed {mime} body");
            requests += 1;
        }
    }
    // Nothing hostile was stored as a case or a letter.
    let (cases,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE subject LIKE '%alert(1)%'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(cases, 0);
    println!("hostile server functions: {requests} requests to {} functions", paths.len());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_uploaded_file_name_cannot_climb_out_of_its_place() {
    let db = TestDb::new().await;
    let app = TestApp::start(&db.url).await;
    let citizen = client();
    let token = "a77ac4000000000000000000000000aa";
    let mut stored = 0;
    for name in ["../../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/abs/path.pdf", "passwd\u{0}.pdf", ".pdf"] {
        let form = reqwest::multipart::Form::new()
            .text("token", token)
            .text("subject", "<script>alert(1)</script>")
            .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4\n".to_vec()).file_name(name).mime_str("application/pdf").unwrap());
        let status = citizen.post(app.url("/apply/files")).multipart(form).send().await.unwrap().status();
        // A NUL in the part's header is a malformed request; everything else is taken.
        assert!(status.is_redirection() || status == StatusCode::BAD_REQUEST, "{name:?}: {status}");
        stored += usize::from(status.is_redirection());
    }
    assert!(stored >= 3);
    let names: Vec<(String,)> = sqlx::query_as("SELECT name FROM staged_files").fetch_all(&app.db.pool).await.unwrap();
    for (name,) in &names {
        assert!(!name.contains('/') && !name.contains('\\') && !name.contains('\0'), "stored as {name:?}");
    }
    app.stop().await;
}
