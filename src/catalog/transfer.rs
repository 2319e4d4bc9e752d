//! CSV import and export of catalog entries. Export writes UTF-8 with a byte-order mark, so
//! spreadsheet programs read the Chinese text; import reads UTF-8 or GB18030 (what Excel saves
//! on Chinese Windows), with the export's columns. An import runs in a background task that
//! records its progress and a per-row report in `catalog_imports`, so any app server can show it.
//! An import cut short (its server stopped) is resumed from the last batch recorded, by whichever
//! app server claims it first once its lease has run out.

use super::store::{self, Bulk};
use super::{ImportView, RejectedRow};
use crate::domain::catalog::{Audience, Disclosure, EntryInput, Genre, Topic, Validity, validate};
use crate::domain::{Locale, Need, Role};
use crate::i18n::Msg;
use crate::server::db::now;
use crate::server::{AppState, auth};
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// Rows published per transaction (and between two progress updates).
const BATCH: usize = 200;
/// Most rows one file may hold.
const MAX_IMPORT_ROWS: usize = 100_000;
/// Seconds an app server holds an import between two batches before another may resume it.
const LEASE_SECS: i64 = 300;

/// The columns, in the order of the catalog's standard metadata.
pub const COLUMNS: [&str; 14] =
    ["索引号", "名称", "内容概述", "关键词", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "体裁分类", "服务对象", "有效性", "公开方式", "正文"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_line_shown_to_officers_is_the_file_header() {
        assert_eq!(COLUMNS.join(","), crate::catalog::COLUMNS_LINE);
    }

    #[test]
    fn files_are_read_as_utf8_or_gb18030() {
        assert_eq!(decode("\u{feff}名称".as_bytes()), "名称");
        let (gbk, _, _) = encoding_rs::GB18030.encode("索引号,名称");
        assert_eq!(decode(&gbk), "索引号,名称");
    }

    #[test]
    fn classifications_are_read_by_code_or_by_label_in_any_language() {
        assert_eq!(code_or_label(Topic::ALL, "卫生、体育", Topic::as_str, Topic::msg), "health");
        assert_eq!(code_or_label(Topic::ALL, "衛生、體育", Topic::as_str, Topic::msg), "health");
        assert_eq!(code_or_label(Topic::ALL, "health", Topic::as_str, Topic::msg), "health");
        assert_eq!(code_or_label(Topic::ALL, "无此主题", Topic::as_str, Topic::msg), "无此主题");
    }
}

/// Most rows one export holds.
const MAX_ROWS: i64 = 200_000;

async fn signed_in(state: &AppState, session: &Session) -> Option<auth::Staff> {
    let id = session.get::<i64>(auth::SESSION_STAFF_ID).await.ok().flatten()?;
    auth::load_staff(state, id).await.ok().flatten()
}

/// `GET /admin/catalog/export.csv`: the published entries of the member's units.
pub async fn export(State(state): State<AppState>, session: Session) -> Response {
    let Some(staff) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    if !staff.grants.satisfies(Need::UnitWork(None)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let units = staff.grants.work_units();
    let rows = match store::export_rows(&state.db, units.as_deref(), MAX_ROWS).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "catalog export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let l = Locale::Hans;
    let write = || -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
        w.write_record(COLUMNS)?;
        for r in rows {
            let v = r.view(None, Vec::new());
            w.write_record([
                v.index_no.as_str(),
                &v.title,
                &v.summary,
                &v.keywords,
                &v.unit_name,
                &v.doc_no,
                &v.written_on,
                &v.published_on,
                v.topic.msg().text(l),
                v.genre.msg().text(l),
                v.audience.msg().text(l),
                v.validity.msg().text(l),
                v.disclosure.msg().text(l),
                &v.body,
            ])?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    };
    match write() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"catalog.csv\""),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "catalog export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// May this member publish for `unit` (reviewers of the unit, site administrators)?
fn may_publish(staff: &auth::Staff, unit: i64) -> bool {
    staff.grants.satisfies(Need::RoleFor(Role::Reviewer, unit)) || staff.grants.satisfies(Need::SiteRole(Role::Admin))
}

/// The file's text: UTF-8 (with or without a byte-order mark), else GB18030.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// `POST /admin/catalog/import` (multipart, field `file`): stores the file, starts the import and
/// sends the browser to its progress page. Refusals go back to the form with a message.
pub async fn upload(State(state): State<AppState>, session: Session, mp: Multipart) -> Response {
    let Some(staff) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    if !staff.grants.satisfies(Need::Role(Role::Reviewer)) && !staff.grants.satisfies(Need::SiteRole(Role::Admin)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let back = |code: &str| Redirect::to(&format!("/admin/catalog/import?error={code}")).into_response();
    let posted = match crate::cases::files::read(mp).await {
        Ok(p) => p,
        Err(s) => return s.into_response(),
    };
    if posted.too_big {
        return back("size");
    }
    let Some((name, bytes)) = posted.file else { return back("missing") };
    let text = decode(&bytes);
    let rows = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes()).records().count();
    if rows == 0 || rows > MAX_IMPORT_ROWS {
        return back("rows");
    }
    let row: Result<(i64,), _> = sqlx::query_as(
        "INSERT INTO catalog_imports (staff_id, file_name, csv, total, created_at, lease_until) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(staff.id)
    .bind(&name)
    .bind(&text)
    .bind(rows as i64)
    .bind(now())
    .bind(now() + LEASE_SECS)
    .fetch_one(&state.db.pool)
    .await;
    let id = match row {
        Ok((id,)) => id,
        Err(e) => {
            tracing::error!(error = %e, "storing an import failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let _ = crate::server::audit::record(&state.db, Some(staff.id), "catalog_import", &format!("import {id}, {rows} rows")).await;
    start(state, id, staff, text, Resume::default());
    Redirect::to(&format!("/admin/catalog/import/{id}")).into_response()
}

/// Where a resumed import picks up: rows already done, entries imported and rows rejected.
#[derive(Default)]
struct Resume {
    done: i64,
    imported: i64,
    rejected: Vec<RejectedRow>,
}

fn start(state: AppState, id: i64, staff: auth::Staff, text: String, from: Resume) {
    tokio::spawn(async move {
        if let Err(e) = run(&state, id, &staff, &text, from).await {
            tracing::error!(error = %e, import = id, "catalog import failed");
            let _ = sqlx::query("UPDATE catalog_imports SET finished = 1 WHERE id = $1").bind(id).execute(&state.db.pool).await;
        }
    });
}

/// Claims and resumes every unfinished import whose lease has run out (run at start-up and
/// hourly by every app server). The claim is one conditional update, so only one server wins.
pub async fn resume_interrupted(state: &AppState) {
    let stale: Vec<(i64,)> = match sqlx::query_as("SELECT id FROM catalog_imports WHERE finished = 0 AND lease_until < $1")
        .bind(now())
        .fetch_all(&state.db.pool)
        .await
    {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "cannot look for interrupted imports");
            return;
        }
    };
    for (id,) in stale {
        if let Err(e) = resume(state, id).await {
            tracing::warn!(error = %e, import = id, "resuming an import failed");
        }
    }
}

async fn resume(state: &AppState, id: i64) -> Result<(), sqlx::Error> {
    let claimed = sqlx::query("UPDATE catalog_imports SET lease_until = $1 WHERE id = $2 AND finished = 0 AND lease_until < $3")
        .bind(now() + LEASE_SECS)
        .bind(id)
        .bind(now())
        .execute(&state.db.pool)
        .await?;
    if claimed.rows_affected() != 1 {
        return Ok(());
    }
    let (staff_id, csv, done, imported, report): (i64, String, i64, i64, String) =
        sqlx::query_as("SELECT staff_id, csv, done, imported, report FROM catalog_imports WHERE id = $1").bind(id).fetch_one(&state.db.pool).await?;
    // The member who started it, with the grants they hold now.
    let Ok(Some(staff)) = auth::load_staff(state, staff_id).await else {
        tracing::warn!(import = id, "the member who started the import is gone: it stops here");
        sqlx::query("UPDATE catalog_imports SET finished = 1, csv = '' WHERE id = $1").bind(id).execute(&state.db.pool).await?;
        return Ok(());
    };
    let rejected = serde_json::from_str(&report).unwrap_or_default();
    tracing::info!(import = id, done, "resuming an interrupted catalog import");
    start(state.clone(), id, staff, csv, Resume { done, imported, rejected });
    Ok(())
}

/// Reads a code or its label (in any of the three languages) for one of the classifications.
fn code_or_label<T: Copy>(all: &[T], raw: &str, code: impl Fn(T) -> &'static str, msg: impl Fn(T) -> Msg) -> String {
    let raw = raw.trim();
    all.iter()
        .find(|t| code(**t) == raw || Locale::ALL.iter().any(|l| msg(**t).text(*l) == raw))
        .map(|t| code(*t).to_owned())
        .unwrap_or_else(|| raw.to_owned())
}

/// One parsed row: the unit, the form input, the index number and publication date given.
struct Row {
    line: u64,
    unit: Option<(i64, String)>,
    input: EntryInput,
    index_no: String,
    published_on: String,
}

/// Works through an import in batches, recording progress and the rejected rows.
async fn run(state: &AppState, id: i64, staff: &auth::Staff, text: &str, from: Resume) -> Result<(), sqlx::Error> {
    let db = &state.db;
    let units: Vec<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, name, short_name, code FROM units").fetch_all(&db.pool).await?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().map(|h| h.iter().map(|c| c.trim().to_owned()).collect()).unwrap_or_default();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let cols: Vec<Option<usize>> = COLUMNS.iter().map(|c| col(c)).collect();
    let today = state.today();
    let Resume { mut done, mut imported, mut rejected } = from;
    let mut records = reader.records();
    // Rows handled before an interruption: their entries and rejections are recorded already.
    for _ in records.by_ref().take(usize::try_from(done).unwrap_or(0)) {}
    loop {
        let mut batch: Vec<Row> = Vec::new();
        for record in records.by_ref().take(BATCH) {
            done += 1;
            let line = done as u64 + 1;
            let record = match record {
                Ok(r) => r,
                Err(_) => {
                    rejected.push(RejectedRow { line, title: String::new(), problems: vec![(String::new(), Msg::CsvRowUnreadable)] });
                    continue;
                }
            };
            let get = |i: usize| cols[i].and_then(|c| record.get(c)).unwrap_or("").trim().to_owned();
            let unit_name = get(4);
            let unit = units.iter().find(|u| u.1 == unit_name || u.2 == unit_name).map(|u| (u.0, u.3.clone()));
            batch.push(Row {
                line,
                unit,
                input: EntryInput {
                    title: get(1),
                    summary: get(2),
                    keywords: get(3),
                    doc_no: get(5),
                    written_on: get(6),
                    topic: code_or_label(Topic::ALL, &get(8), Topic::as_str, Topic::msg),
                    genre: code_or_label(Genre::ALL, &get(9), Genre::as_str, Genre::msg),
                    audience: code_or_label(Audience::ALL, &get(10), Audience::as_str, Audience::msg),
                    validity: code_or_label(Validity::ALL, &or_default(&get(11), "valid"), Validity::as_str, Validity::msg),
                    successor: String::new(),
                    disclosure: code_or_label(Disclosure::ALL, &or_default(&get(12), "proactive"), Disclosure::as_str, Disclosure::msg),
                    body: super::api::sanitise(&get(13)),
                },
                index_no: get(0),
                published_on: get(7),
            });
        }
        if batch.is_empty() {
            break;
        }
        let given: Vec<String> = batch.iter().map(|r| r.index_no.clone()).filter(|n| !n.is_empty()).collect();
        let taken = store::taken_index_numbers(db, &given).await?;
        let mut seen: Vec<String> = Vec::new();
        let mut ok = Vec::new();
        for row in batch {
            let mut problems: Vec<(String, Msg)> = Vec::new();
            let checked = validate(&row.input, today);
            if let Err(errors) = &checked {
                problems.extend(errors.iter().map(|(f, m)| (column_of(f).to_owned(), *m)));
            }
            match &row.unit {
                None => problems.push((COLUMNS[4].into(), Msg::CsvUnknownUnit)),
                Some((u, _)) if !may_publish(staff, *u) => problems.push((COLUMNS[4].into(), Msg::CsvNotYourUnit)),
                _ => {}
            }
            if !row.index_no.is_empty() && (taken.contains(&row.index_no) || seen.contains(&row.index_no)) {
                problems.push((COLUMNS[0].into(), Msg::CsvIndexTaken));
            }
            let published_on = match row.published_on.as_str() {
                "" => Some(today),
                d => time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).ok().filter(|d| *d <= today),
            };
            if published_on.is_none() {
                problems.push((COLUMNS[7].into(), Msg::DateInvalid));
            }
            match (checked, row.unit, published_on, problems.is_empty()) {
                (Ok(entry), Some((unit_id, code)), Some(published_on), true) => {
                    seen.push(row.index_no.clone());
                    ok.push((unit_id, code, entry, (!row.index_no.is_empty()).then_some(row.index_no), published_on));
                }
                _ => rejected.push(RejectedRow { line: row.line, title: row.input.title, problems }),
            }
        }
        let items: Vec<Bulk<'_>> = ok
            .iter()
            .map(|(unit_id, code, entry, index_no, published_on)| Bulk {
                unit_id: *unit_id,
                unit_code: code,
                entry,
                index_no: index_no.clone(),
                published_on: *published_on,
            })
            .collect();
        imported += items.len() as i64;
        let report = report_json(&rejected);
        let at = store::ImportProgress { id, done, imported, report: &report, lease_until: now() + LEASE_SECS };
        store::publish_bulk_with(db, &items, staff.id, &state.config.index_pattern, true, Some(&at)).await?;
    }
    finish(db, id, done, imported, &rejected).await?;
    tracing::info!(import = id, imported, rejected = rejected.len(), "catalog import finished");
    Ok(())
}

fn or_default(v: &str, d: &str) -> String {
    if v.is_empty() { d.to_owned() } else { v.to_owned() }
}

/// The file's column for a form field.
fn column_of(field: &str) -> &'static str {
    match field {
        "title" => COLUMNS[1],
        "summary" => COLUMNS[2],
        "keywords" => COLUMNS[3],
        "doc_no" => COLUMNS[5],
        "written_on" => COLUMNS[6],
        "topic" => COLUMNS[8],
        "genre" => COLUMNS[9],
        "audience" => COLUMNS[10],
        "validity" => COLUMNS[11],
        "disclosure" => COLUMNS[12],
        "body" => COLUMNS[13],
        _ => "",
    }
}

/// The rejected rows as kept in the database, messages by name so that the report still reads
/// back after an upgrade (`i18n::by_name`).
fn report_json(rejected: &[RejectedRow]) -> String {
    crate::i18n::by_name(|| serde_json::to_string(rejected)).unwrap_or_else(|_| "[]".into())
}

/// Records the import as finished; the file is no longer kept.
async fn finish(db: &crate::server::Db, id: i64, done: i64, imported: i64, rejected: &[RejectedRow]) -> Result<(), sqlx::Error> {
    let report = report_json(rejected);
    sqlx::query("UPDATE catalog_imports SET done = $1, imported = $2, report = $3, finished = 1, csv = '' WHERE id = $4")
        .bind(done)
        .bind(imported)
        .bind(report)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// An import's state, for the member who started it (or an administrator).
pub async fn view(state: &AppState, staff: &auth::Staff, id: i64) -> Result<Option<ImportView>, sqlx::Error> {
    let row: Option<(i64, String, i64, i64, i64, String, i64)> = sqlx::query_as(
        "SELECT staff_id, file_name, total, done, imported, report, finished FROM catalog_imports WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(row.filter(|r| r.0 == staff.id || staff.grants.satisfies(Need::SiteRole(Role::Admin))).map(
        |(_, file_name, total, done, imported, report, finished)| ImportView {
            id,
            file_name,
            total,
            done,
            imported,
            rejected: serde_json::from_str(&report).unwrap_or_default(),
            finished: finished != 0,
        },
    ))
}
