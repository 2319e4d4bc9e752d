//! SQL for the catalog: the public list and search, the browse counts, one entry, and the
//! drafting and review workflow. Every workflow step checks the state it starts from in its
//! `UPDATE … WHERE state = …`, so two people acting at once cannot both succeed.

use super::search::{self, Indexed};
use super::{
    AttachmentView, CatalogFilter, EntryLink, EntrySummary, HistoryItem, PER_PAGE, RevisionView, StaffEntryRow, UnitNode,
};
use crate::domain::catalog::{
    Audience, Disclosure, Entry, EntryAction, EntryInput, EntryState, Genre, IndexPattern, RevisionState, SearchQuery,
    Topic, Validity, highlight,
};
use crate::domain::UnitKind;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::server::db::{Backend, beijing_time, now};
use crate::server::Db;
use crate::server::sql::{Arg, Sql, bind_args};
use sqlx::{Any, Transaction};
use time::Date;

/// Units with their parents, in display order (a department's sub-units follow it).
async fn unit_rows(db: &Db) -> Result<Vec<(i64, Option<i64>, String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, parent_id, kind, name FROM units ORDER BY sort_order, id").fetch_all(&db.pool).await
}

/// A unit and its sub-units.
async fn unit_and_children(db: &Db, unit: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM units WHERE id = $1 OR parent_id = $1 ORDER BY id")
        .bind(unit)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The browse tree and the two classifications with their published counts, and the total.
pub async fn browse_counts(db: &Db) -> Result<(Vec<UnitNode>, Vec<(Topic, i64)>, Vec<(Audience, i64)>, i64), sqlx::Error> {
    let counts: Vec<(String, String, i64)> = sqlx::query_as("SELECT dim, node, n FROM catalog_counts").fetch_all(&db.pool).await?;
    let get = |dim: &str, node: &str| counts.iter().find(|c| c.0 == dim && c.1 == node).map(|c| c.2).unwrap_or(0);
    let rows = unit_rows(db).await?;
    let units = rows
        .iter()
        .filter_map(|(id, parent, kind, name)| {
            let own = get("unit", &id.to_string());
            let children: i64 =
                rows.iter().filter(|r| r.1 == Some(*id)).map(|r| get("unit", &r.0.to_string())).sum();
            Some(UnitNode { id: *id, name: name.clone(), depth: u8::from(parent.is_some()), kind: UnitKind::parse(kind)?, count: own + children })
        })
        .collect();
    let topics = Topic::ALL.iter().map(|t| (*t, get("topic", t.as_str()))).collect();
    let audiences = Audience::ALL.iter().map(|a| (*a, get("audience", a.as_str()))).collect();
    Ok((units, topics, audiences, get("all", "all")))
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    index_no: Option<String>,
    title: String,
    summary: String,
    unit_name: String,
    published_on: Option<String>,
    doc_no: String,
    genre: String,
    validity: String,
}

const SUMMARY_COLUMNS: &str =
    "e.id, e.index_no, e.title, e.summary, u.name AS unit_name, e.published_on, e.doc_no, e.genre, e.validity";

/// Search results ranked by relevance at most; beyond, newest first.
pub const RANKED: i64 = 5_000;

/// The same bound on PostgreSQL, lower: FTS5 counts matches in its index, while PostgreSQL reads
/// the row of every match it counts or ranks (a GIN index cannot answer a count alone).
pub const RANKED_POSTGRES: i64 = 1_000;

/// The number of matches ranked by relevance on a backend.
pub fn ranked(backend: Backend) -> i64 {
    match backend {
        Backend::Sqlite => RANKED,
        Backend::Postgres => RANKED_POSTGRES,
    }
}

/// On PostgreSQL, the first pages of a search with more matches than are ranked are looked for
/// among this many of the newest entries per result wanted (page 1: 4,000), read one by one; see
/// [`search_postgres`]. Reading one costs about three times what the index's bitmap costs per
/// match, and 4,000 suits one match in 200 or more (at 1,000,000 entries, a word in 5,000).
const WALK_PER_RESULT: i64 = 200;
/// The most entries such a walk reads (pages 1 and 2).
const WALK_MAX: i64 = 8_000;
/// The newest entries a PostgreSQL search tests first: when at least half match, the word is
/// common enough to count by reading entries rather than by the index.
const PROBE: i64 = 100;

/// One page of published entries matching the filter (and the search, when there is one), with
/// the number of all matches.
pub async fn list(db: &Db, filter: &CatalogFilter, query: &SearchQuery) -> Result<(Vec<EntrySummary>, i64, bool), sqlx::Error> {
    let unfiltered = filter.unit.is_none() && filter.topic.is_none() && filter.audience.is_none() && filter.from.is_empty() && filter.to.is_empty();
    let (rows, total, capped) = if db.backend == Backend::Sqlite && unfiltered && !query.is_empty() {
        search_only_sqlite(db, query, filter.page.max(1)).await?
    } else {
        filtered(db, filter, query).await?
    };
    let words = &query.highlight;
    let mark = |text: &str| if words.is_empty() { vec![(text.to_owned(), false)] } else { highlight(text, &search::fold(text), words) };
    let entries = rows
        .into_iter()
        .map(|r| EntrySummary {
            id: r.id,
            index_no: r.index_no.unwrap_or_default(),
            title: mark(&r.title),
            summary: mark(&r.summary),
            unit_name: r.unit_name,
            published_on: r.published_on.unwrap_or_default(),
            doc_no: r.doc_no,
            genre: Genre::parse(&r.genre).unwrap_or(Genre::Other),
            validity: Validity::parse(&r.validity).unwrap_or(Validity::Valid),
        })
        .collect();
    Ok((entries, total, capped))
}

/// A search with no other filter on SQLite: FTS5 alone counts the matches and picks the page
/// (the index holds published entries only), and only the page's rows are read from the table.
async fn search_only_sqlite(db: &Db, query: &SearchQuery, page: i64) -> Result<(Vec<SummaryRow>, i64, bool), sqlx::Error> {
    let m = search::fts5_match(query);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM (SELECT 1 FROM catalog_fts WHERE catalog_fts MATCH $1 LIMIT $2) t")
        .bind(&m)
        .bind(RANKED + 1)
        .fetch_one(&db.pool)
        .await?;
    let capped = n > RANKED;
    // Equal scores (entries alike in wording) put the newest first, as the outer order does.
    let (inner, outer) = if capped { ("rowid DESC", "f.fid DESC") } else { ("score, rowid DESC", "f.score, e.published_on DESC, e.id DESC") };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM (SELECT rowid AS fid, bm25(catalog_fts, 10.0, 1.0) AS score FROM catalog_fts \
         WHERE catalog_fts MATCH $1 ORDER BY {inner} LIMIT $2 OFFSET $3) f \
         CROSS JOIN catalog_entries e ON e.id = f.fid JOIN units u ON u.id = e.unit_id ORDER BY {outer}"
    );
    let rows = summary_rows(db, &sql, &[Arg::S(m), Arg::I(PER_PAGE), Arg::I((page - 1) * PER_PAGE)], false).await?;
    Ok((rows, n.min(RANKED), capped))
}

/// Any other list: browse filters, dates, and searches combined with them.
async fn filtered(db: &Db, filter: &CatalogFilter, query: &SearchQuery) -> Result<(Vec<SummaryRow>, i64, bool), sqlx::Error> {
    let mut sql = Sql::default();
    let mut conditions = vec!["e.state = 'published'".to_owned()];
    let mut only_counted_dims = true;
    if let Some(unit) = filter.unit {
        let ids = unit_and_children(db, unit).await?;
        conditions.push(format!("e.unit_id IN {}", sql.in_list(&ids)));
    }
    if let Some(t) = filter.topic {
        conditions.push(format!("e.topic = {}", sql.arg(Arg::S(t.as_str().into()))));
    }
    if let Some(a) = filter.audience {
        conditions.push(format!("e.audience = {}", sql.arg(Arg::S(a.as_str().into()))));
    }
    if !filter.from.is_empty() {
        conditions.push(format!("e.published_on >= {}", sql.arg(Arg::S(filter.from.clone()))));
        only_counted_dims = false;
    }
    if !filter.to.is_empty() {
        conditions.push(format!("e.published_on <= {}", sql.arg(Arg::S(filter.to.clone()))));
        only_counted_dims = false;
    }
    if !query.is_empty() && db.backend == Backend::Postgres {
        return search_postgres(db, sql, &conditions.join(" AND "), query, filter.page.max(1)).await;
    }
    let (from, mut order) = if query.is_empty() {
        ("catalog_entries e".to_owned(), "e.published_on DESC, e.id DESC".to_owned())
    } else {
        only_counted_dims = false;
        conditions.push(format!("catalog_fts MATCH {}", sql.arg(Arg::S(search::fts5_match(query)))));
        (
            // CROSS JOIN keeps FTS5 as the outer loop: SQLite would otherwise walk every
            // published entry and probe the index for each.
            "catalog_fts CROSS JOIN catalog_entries e ON e.id = catalog_fts.rowid".to_owned(),
            "bm25(catalog_fts, 10.0, 1.0), e.published_on DESC, e.id DESC".to_owned(),
        )
    };
    let where_ = conditions.join(" AND ");
    let mut capped = false;
    let total = if !query.is_empty() {
        // Count at most RANKED + 1 matches. A word found in more entries than that (通知, 工作 …) is
        // listed newest first, which needs no ranking of every match; fewer are ranked.
        let count_sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {where_} LIMIT {}) t", RANKED + 1);
        let row: (i64,) = bind_args!(sqlx::query_as(&count_sql), &sql.args).fetch_one(&db.pool).await?;
        if row.0 > RANKED {
            capped = true;
            order = "catalog_fts.rowid DESC".to_owned();
        }
        row.0.min(RANKED)
    } else if only_counted_dims && filter.unit.is_none() && (filter.topic.is_none() || filter.audience.is_none()) {
        // A single browse dimension (or none): read the kept count instead of counting rows.
        let (dim, node) = match (filter.topic, filter.audience) {
            (Some(t), None) => ("topic", t.as_str().to_owned()),
            (None, Some(a)) => ("audience", a.as_str().to_owned()),
            _ => ("all", "all".to_owned()),
        };
        let row: Option<(i64,)> = sqlx::query_as("SELECT n FROM catalog_counts WHERE dim = $1 AND node = $2")
            .bind(dim)
            .bind(node)
            .fetch_optional(&db.pool)
            .await?;
        row.map(|r| r.0).unwrap_or(0)
    } else {
        let count_sql = format!("SELECT COUNT(*) FROM {from} WHERE {where_}");
        let row: (i64,) = bind_args!(sqlx::query_as(&count_sql), &sql.args).fetch_one(&db.pool).await?;
        row.0
    };
    let page = filter.page.max(1);
    let limit = sql.arg(Arg::I(PER_PAGE));
    let offset = sql.arg(Arg::I((page - 1) * PER_PAGE));
    let list_sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM {from} JOIN units u ON u.id = e.unit_id WHERE {where_} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let rows = summary_rows(db, &list_sql, &sql.args, query.is_empty()).await?;
    Ok((rows, total, capped))
}

/// A search on PostgreSQL, in one transaction whose planner settings fit each step.
///
/// Every match the count or the ranking sees costs a read of its row (and of its vector, kept out
/// of line); so both stop at [`RANKED_POSTGRES`] + 1 matches, and the condition is one the GIN
/// index answers without reading the vector again (see [`search::tsquery`]). The planner
/// misjudges these conditions: it multiplies the frequencies of a word's pairs, which occur
/// together, and expects a few dozen matches where there are thousands; or, behind a `LIMIT`, it
/// walks the table reading each row's vector. So the count and the ranking use the index's
/// bitmap only, unless the word is in most entries; and an uncounted list (newest first) first
/// walks the newest entries itself.
async fn search_postgres(db: &Db, mut sql: Sql, base: &str, query: &SearchQuery, page: i64) -> Result<(Vec<SummaryRow>, i64, bool), sqlx::Error> {
    let q = sql.arg(Arg::S(search::tsquery(query)));
    let matches = format!("e.search @@ CAST({q} AS tsquery)");
    let mut tx = db.begin().await?;
    // A bitmap larger than work_mem keeps whole pages instead of rows, and every row on them is
    // tested again, vector and all. A plan with a disabled step looks costly enough to be
    // compiled (JIT), which takes longer than the query.
    sqlx::query("SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', '32MB', true), set_config('jit', 'off', true)")
        .execute(&mut *tx)
        .await?;
    // A word in most entries (通知 in a county's catalog) is counted faster by reading the newest
    // entries than by a bitmap of every match: the newest PROBE tell which.
    let probe_sql = format!("SELECT COUNT(*) FROM (SELECT * FROM catalog_entries e WHERE {base} ORDER BY e.id DESC LIMIT {PROBE}) e WHERE coalesce({matches}, false)");
    let (probed,): (i64,) = bind_args!(sqlx::query_as(&probe_sql), &sql.args).fetch_one(&mut *tx).await?;
    let dense = probed * 2 >= PROBE;
    if !dense {
        index_scans(&mut tx, false).await?;
    }
    let counted = if dense { format!("coalesce({matches}, false) ORDER BY e.id DESC") } else { matches.clone() };
    let count_sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM catalog_entries e WHERE {base} AND {counted} LIMIT {}) t", RANKED_POSTGRES + 1);
    let (n,): (i64,) = bind_args!(sqlx::query_as(&count_sql), &sql.args).fetch_one(&mut *tx).await?;
    let capped = n > RANKED_POSTGRES;
    let offset = (page - 1).saturating_mul(PER_PAGE);
    let (limit, skip) = (sql.arg(Arg::I(PER_PAGE)), sql.arg(Arg::I(offset)));
    // A page picked from every match (ranked, or newest first); only its rows are then joined.
    let picked = |key: &str, order: &str| {
        format!(
            "SELECT {SUMMARY_COLUMNS} FROM (SELECT e.id, {key} AS k FROM catalog_entries e WHERE {base} AND {matches} \
             ORDER BY k DESC, e.published_on DESC, e.id DESC LIMIT {limit} OFFSET {skip}) p \
             JOIN catalog_entries e ON e.id = p.id JOIN units u ON u.id = e.unit_id ORDER BY {order}"
        )
    };
    let rows = if !capped {
        let sql_text = picked(&format!("ts_rank(e.search, CAST({q} AS tsquery))"), "p.k DESC, e.published_on DESC, e.id DESC");
        bind_args!(sqlx::query_as(&sql_text), &sql.args).fetch_all(&mut *tx).await?
    } else {
        // More than RANKED_POSTGRES entries match, so a page near the top is likely among the
        // newest entries: test those one by one, newest first (hiding the condition from the
        // index in `coalesce`), and stop at the page. When the walk finds too few, the matches
        // are older or sparser, and the index's bitmap finds them all.
        let window = offset.saturating_add(PER_PAGE).saturating_mul(WALK_PER_RESULT);
        let mut rows = Vec::new();
        if window <= WALK_MAX {
            index_scans(&mut tx, true).await?;
            let walk = format!(
                "SELECT {SUMMARY_COLUMNS} FROM (SELECT * FROM catalog_entries e WHERE {base} ORDER BY e.id DESC LIMIT {window}) e \
                 JOIN units u ON u.id = e.unit_id WHERE coalesce({matches}, false) ORDER BY e.id DESC LIMIT {limit} OFFSET {skip}"
            );
            rows = bind_args!(sqlx::query_as(&walk), &sql.args).fetch_all(&mut *tx).await?;
        }
        if (rows.len() as i64) < PER_PAGE {
            index_scans(&mut tx, false).await?;
            let sql_text = picked("e.id", "e.id DESC");
            rows = bind_args!(sqlx::query_as(&sql_text), &sql.args).fetch_all(&mut *tx).await?;
        }
        rows
    };
    tx.commit().await?;
    Ok((rows, n.min(RANKED_POSTGRES), capped))
}

/// Turns index scans on or off for the rest of a transaction (bitmap scans stay on).
async fn index_scans(tx: &mut Transaction<'_, Any>, on: bool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT set_config('enable_indexscan', $1, true)").bind(if on { "on" } else { "off" }).execute(&mut **tx).await?;
    Ok(())
}

/// A page of [`SummaryRow`]s. A `direct` read (a browse page: an indexed walk of a few rows) on
/// a SQLite file runs on the calling thread through the database's
/// [`Reader`](crate::server::reader::Reader): through the pool, sqlx's worker thread hands the
/// rows over one by one, and those hand-offs cost more than the read. Searches, which rank
/// matches and may take milliseconds, stay on the pool's threads, off the async runtime; so do
/// PostgreSQL, and reads that find the file busy.
async fn summary_rows(db: &Db, sql: &str, args: &[Arg], direct: bool) -> Result<Vec<SummaryRow>, sqlx::Error> {
    if let Some(reader) = db.reader.as_ref().filter(|_| direct) {
        match reader.read(|conn| read_summaries(conn, sql, args)) {
            Ok(rows) => return Ok(rows),
            Err(e) if crate::server::reader::is_busy(&e) => {}
            Err(e) => return Err(sqlx::Error::AnyDriverError(Box::new(e))),
        }
    }
    bind_args!(sqlx::query_as(sql), args).fetch_all(&db.pool).await
}

/// [`summary_rows`] on one of the reader's connections; the columns are [`SUMMARY_COLUMNS`].
fn read_summaries(conn: &rusqlite::Connection, sql: &str, args: &[Arg]) -> rusqlite::Result<Vec<SummaryRow>> {
    let mut statement = conn.prepare_cached(sql)?;
    for (i, arg) in args.iter().enumerate() {
        let name = format!("${}", i + 1);
        let at = statement.parameter_index(&name)?.ok_or(rusqlite::Error::InvalidParameterName(name))?;
        match arg {
            Arg::I(v) => statement.raw_bind_parameter(at, v)?,
            Arg::S(v) => statement.raw_bind_parameter(at, v)?,
        }
    }
    let mut rows = statement.raw_query();
    let mut out = Vec::with_capacity(PER_PAGE as usize);
    while let Some(r) = rows.next()? {
        out.push(SummaryRow {
            id: r.get(0)?,
            index_no: r.get(1)?,
            title: r.get(2)?,
            summary: r.get(3)?,
            unit_name: r.get(4)?,
            published_on: r.get(5)?,
            doc_no: r.get(6)?,
            genre: r.get(7)?,
            validity: r.get(8)?,
        });
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub state: String,
    pub index_no: Option<String>,
    pub title: String,
    pub summary: String,
    pub keywords: String,
    pub doc_no: String,
    pub written_on: String,
    pub published_on: Option<String>,
    pub updated_on: Option<String>,
    pub topic: String,
    pub genre: String,
    pub audience: String,
    pub validity: String,
    pub successor_id: Option<i64>,
    pub disclosure: String,
    pub body: String,
    pub withdrawn_reason: String,
}

impl EntryRow {
    pub fn state(&self) -> EntryState {
        EntryState::parse(&self.state).unwrap_or(EntryState::Unpublished)
    }

    pub fn view(self, successor: Option<EntryLink>, replaces: Vec<EntryLink>) -> super::EntryView {
        super::EntryView {
            id: self.id,
            state: self.state(),
            index_no: self.index_no.unwrap_or_default(),
            title: self.title,
            summary: self.summary,
            keywords: self.keywords,
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            doc_no: self.doc_no,
            written_on: self.written_on,
            published_on: self.published_on.unwrap_or_default(),
            updated_on: self.updated_on.unwrap_or_default(),
            topic: Topic::parse(&self.topic).unwrap_or(Topic::Other),
            genre: Genre::parse(&self.genre).unwrap_or(Genre::Other),
            audience: Audience::parse(&self.audience).unwrap_or(Audience::Citizens),
            validity: Validity::parse(&self.validity).unwrap_or(Validity::Valid),
            disclosure: Disclosure::parse(&self.disclosure).unwrap_or(Disclosure::Proactive),
            body: self.body,
            successor,
            replaces,
            withdrawn_reason: self.withdrawn_reason,
            files: Vec::new(),
        }
    }
}

/// An entry with its unit's name; `body` is the body column or a stand-in for it.
fn entry_select(body: &str) -> String {
    format!(
        "SELECT e.id, e.unit_id, u.name AS unit_name, e.state, e.index_no, e.title, e.summary, e.keywords, e.doc_no, \
         e.written_on, e.published_on, e.updated_on, e.topic, e.genre, e.audience, e.validity, e.successor_id, \
         e.disclosure, {body}, e.withdrawn_reason FROM catalog_entries e JOIN units u ON u.id = e.unit_id"
    )
}

pub async fn entry(db: &Db, id: i64) -> Result<Option<EntryRow>, sqlx::Error> {
    sqlx::query_as(&format!("{} WHERE e.id = $1", entry_select("e.body")))
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// The public links around an entry: what replaced it, and what it replaced.
pub async fn links(db: &Db, row: &EntryRow) -> Result<(Option<EntryLink>, Vec<EntryLink>), sqlx::Error> {
    let to_link = |(id, index_no, title): (i64, Option<String>, String)| EntryLink { id, index_no: index_no.unwrap_or_default(), title };
    let successor: Option<(i64, Option<String>, String)> = match row.successor_id {
        Some(s) => {
            sqlx::query_as("SELECT id, index_no, title FROM catalog_entries WHERE id = $1 AND state = 'published'")
                .bind(s)
                .fetch_optional(&db.pool)
                .await?
        }
        None => None,
    };
    let replaces: Vec<(i64, Option<String>, String)> = sqlx::query_as(
        "SELECT id, index_no, title FROM catalog_entries WHERE successor_id = $1 AND state = 'published' ORDER BY id LIMIT 20",
    )
    .bind(row.id)
    .fetch_all(&db.pool)
    .await?;
    Ok((successor.map(to_link), replaces.into_iter().map(to_link).collect()))
}

/// The newest published entries, for the feed.
pub async fn newest(db: &Db, limit: i64) -> Result<Vec<EntryRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{} WHERE e.state = 'published' ORDER BY e.published_on DESC, e.id DESC LIMIT $1",
        entry_select("'' AS body")
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Published entries of the given units (`None`: all), oldest first, for export.
pub async fn export_rows(db: &Db, units: Option<&[i64]>, limit: i64) -> Result<Vec<EntryRow>, sqlx::Error> {
    let mut sql = Sql::default();
    let filter = units.map(|u| format!("AND e.unit_id IN {}", sql.in_list(u))).unwrap_or_default();
    let limit = sql.arg(Arg::I(limit));
    let text = format!("{} WHERE e.state = 'published' {filter} ORDER BY e.published_on, e.id LIMIT {limit}", entry_select("e.body"));
    bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&db.pool).await
}

/// Ids and last changes of published entries for the sitemap, newest first.
pub async fn sitemap(db: &Db, limit: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, updated_on FROM catalog_entries WHERE state = 'published' ORDER BY published_on DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, d)| (id, d.unwrap_or_default())).collect())
}

// ---------------------------------------------------------------------------------------------
// The workflow

/// Adds `n` to one browse node's count.
async fn add_count(tx: &mut Transaction<'_, Any>, dim: &str, node: &str, n: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO catalog_counts (dim, node, n) VALUES ($1, $2, $3) \
         ON CONFLICT (dim, node) DO UPDATE SET n = catalog_counts.n + excluded.n",
    )
    .bind(dim)
    .bind(node)
    .bind(n)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The browse nodes an entry is counted in: its unit, topic and audience, and the total.
fn nodes(unit: i64, topic: &str, audience: &str) -> [(&'static str, String); 4] {
    [("unit", unit.to_string()), ("topic", topic.to_owned()), ("audience", audience.to_owned()), ("all", "all".to_owned())]
}

/// Adds `delta` to the counts of the entry's browse nodes.
async fn count(tx: &mut Transaction<'_, Any>, unit: i64, topic: &str, audience: &str, delta: i64) -> Result<(), sqlx::Error> {
    for (dim, node) in nodes(unit, topic, audience) {
        add_count(tx, dim, &node, delta).await?;
    }
    Ok(())
}

/// Writes (or, with `None`, removes) an entry's search tokens.
async fn index(tx: &mut Transaction<'_, Any>, backend: Backend, id: i64, tokens: Option<&Indexed>) -> Result<(), sqlx::Error> {
    match backend {
        Backend::Sqlite => {
            sqlx::query("DELETE FROM catalog_fts WHERE rowid = $1").bind(id).execute(&mut **tx).await?;
            if let Some(t) = tokens {
                let (title, body) = t.fts5_columns();
                sqlx::query("INSERT INTO catalog_fts (rowid, title, body) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(title)
                    .bind(body)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Backend::Postgres => {
            let vector = tokens.map(Indexed::tsvector);
            sqlx::query("UPDATE catalog_entries SET search = CAST($1 AS tsvector) WHERE id = $2")
                .bind(vector)
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

async fn event(
    tx: &mut Transaction<'_, Any>,
    entry: i64,
    revision: Option<i64>,
    actor: Option<i64>,
    action: EntryAction,
    note: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO catalog_events (entry_id, revision, actor_id, action, note, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(entry)
        .bind(revision)
        .bind(actor)
        .bind(action.as_str())
        .bind(note)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A step that found the entry or revision in another state than it needs.
fn changed() -> AppError {
    AppError::invalid("action", Msg::EntryStateChanged)
}

/// Creates an entry for `unit` with its first revision as a draft. Returns the entry's id.
pub async fn create(db: &Db, unit: i64, actor: i64, e: &Entry) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as("INSERT INTO catalog_entries (unit_id, title, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(unit)
        .bind(&e.title)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
    let rev = insert_revision(&mut tx, id, 1, RevisionState::Draft, actor, e).await?;
    event(&mut tx, id, Some(1), Some(actor), EntryAction::Created, "").await?;
    tx.commit().await?;
    tracing::info!(entry = id, revision = rev, "catalog entry drafted");
    Ok(id)
}

/// Binds an entry's twelve fields as `$1`–`$12`.
fn bind_entry<'q, O>(
    q: sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>>,
    e: &'q Entry,
) -> sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>> {
    q.bind(&e.title)
        .bind(&e.summary)
        .bind(&e.keywords)
        .bind(&e.doc_no)
        .bind(e.written_on.to_string())
        .bind(e.topic.as_str())
        .bind(e.genre.as_str())
        .bind(e.audience.as_str())
        .bind(e.validity.as_str())
        .bind(e.successor.clone().unwrap_or_default())
        .bind(e.disclosure.as_str())
        .bind(&e.body)
}

async fn insert_revision(
    tx: &mut Transaction<'_, Any>,
    entry: i64,
    number: i64,
    state: RevisionState,
    actor: i64,
    e: &Entry,
) -> Result<i64, sqlx::Error> {
    let t = now();
    let (id,): (i64,) = bind_entry(
        sqlx::query_as(
            "INSERT INTO catalog_revisions (title, summary, keywords, doc_no, written_on, topic, genre, audience, validity, \
             successor, disclosure, body, entry_id, number, state, author_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING id",
        ),
        e,
    )
    .bind(entry)
    .bind(number)
    .bind(state.as_str())
    .bind(actor)
    .bind(t)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct RevisionRow {
    id: i64,
    number: i64,
    state: String,
    title: String,
    summary: String,
    keywords: String,
    doc_no: String,
    written_on: String,
    topic: String,
    genre: String,
    audience: String,
    validity: String,
    successor: String,
    disclosure: String,
    body: String,
    author: String,
    reviewer: Option<String>,
    review_note: String,
    updated_at: i64,
}

impl RevisionRow {
    fn input(&self) -> EntryInput {
        EntryInput {
            title: self.title.clone(),
            summary: self.summary.clone(),
            keywords: self.keywords.clone(),
            doc_no: self.doc_no.clone(),
            written_on: self.written_on.clone(),
            topic: self.topic.clone(),
            genre: self.genre.clone(),
            audience: self.audience.clone(),
            validity: self.validity.clone(),
            successor: self.successor.clone(),
            disclosure: self.disclosure.clone(),
            body: self.body.clone(),
        }
    }

    fn view(self) -> RevisionView {
        RevisionView {
            id: self.id,
            number: self.number,
            state: RevisionState::parse(&self.state).unwrap_or(RevisionState::Draft),
            input: self.input(),
            author: self.author,
            reviewer: self.reviewer.unwrap_or_default(),
            review_note: self.review_note,
            updated_at: beijing_time(self.updated_at),
            files: Vec::new(),
        }
    }
}

const REVISION_SELECT: &str = "SELECT r.id, r.number, r.state, r.title, r.summary, r.keywords, r.doc_no, r.written_on, r.topic, \
    r.genre, r.audience, r.validity, r.successor, r.disclosure, r.body, a.display_name AS author, \
    v.display_name AS reviewer, r.review_note, r.updated_at FROM catalog_revisions r \
    JOIN staff a ON a.id = r.author_id LEFT JOIN staff v ON v.id = r.reviewer_id";

/// An entry's revisions, newest first, and its history, oldest first.
pub async fn staff_detail(db: &Db, id: i64) -> Result<(Vec<RevisionView>, Vec<HistoryItem>), sqlx::Error> {
    let revisions: Vec<RevisionRow> =
        sqlx::query_as(&format!("{REVISION_SELECT} WHERE r.entry_id = $1 ORDER BY r.number DESC")).bind(id).fetch_all(&db.pool).await?;
    let events: Vec<(i64, Option<String>, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT e.at, s.display_name, e.action, e.revision, e.note FROM catalog_events e LEFT JOIN staff s ON s.id = e.actor_id \
         WHERE e.entry_id = $1 ORDER BY e.id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let files: Vec<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT f.revision_id, f.id, f.name, f.size FROM catalog_files f JOIN catalog_revisions r ON r.id = f.revision_id \
         WHERE r.entry_id = $1 ORDER BY f.id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut revisions: Vec<RevisionView> = revisions.into_iter().map(RevisionRow::view).collect();
    for (rev, id, name, size) in files {
        if let Some(r) = revisions.iter_mut().find(|r| r.id == rev) {
            r.files.push(AttachmentView { id, name, size });
        }
    }
    let history = events
        .into_iter()
        .filter_map(|(at, actor, action, revision, note)| {
            Some(HistoryItem { at: beijing_time(at), actor: actor.unwrap_or_default(), action: EntryAction::parse(&action)?, revision, note })
        })
        .collect();
    Ok((revisions, history))
}

/// The revision still in work on an entry: (id, number, state).
async fn open_revision(db: &Db, entry: i64) -> Result<Option<(i64, i64, RevisionState)>, sqlx::Error> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, number, state FROM catalog_revisions WHERE entry_id = $1 AND state <> 'approved' ORDER BY number DESC LIMIT 1",
    )
    .bind(entry)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|(id, n, s)| Some((id, n, RevisionState::parse(&s)?))))
}

/// The id of the published entry with this index number (not `except`), if any.
pub async fn published_by_index(db: &Db, index_no: &str, except: i64) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM catalog_entries WHERE index_no = $1 AND state = 'published' AND id <> $2")
            .bind(index_no)
            .bind(except)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| r.0))
}

/// An entry published in bulk (an import, or generated data): its unit, fields, and the index
/// number it already had elsewhere, if any.
pub struct Bulk<'a> {
    pub unit_id: i64,
    pub unit_code: &'a str,
    pub entry: &'a Entry,
    pub index_no: Option<String>,
    pub published_on: Date,
}

/// Publishes entries in one transaction, exactly as approval would leave them: index numbers
/// (from the unit's serial when none is given), counts, search tokens, and — with `history` — the
/// approved first revision and an "imported" step. Returns the index numbers.
pub async fn publish_bulk(db: &Db, items: &[Bulk<'_>], actor: i64, pattern: &IndexPattern, history: bool) -> Result<Vec<String>, sqlx::Error> {
    publish_bulk_with(db, items, actor, pattern, history, None).await
}

/// Where an import stands after a batch, recorded in the batch's own transaction: a resumed
/// import then neither repeats nor skips a row.
pub struct ImportProgress<'a> {
    pub id: i64,
    pub done: i64,
    pub imported: i64,
    /// The rejected rows so far, as JSON.
    pub report: &'a str,
    pub lease_until: i64,
}

/// Rows per multi-row `INSERT` in [`publish_bulk_with`]. Every statement is one hand-off to the
/// database (a thread switch for SQLite), which cost more than the writing itself when each entry
/// took four. But sqlx binds SQLite's values by name, and SQLite finds a name by scanning the
/// statement's names, so a statement's binding grows with the square of its values: 25 entries
/// (400 values) keep both costs small.
const BULK_ROWS: usize = 25;

/// [`publish_bulk`], recording an import's progress in the same transaction.
pub async fn publish_bulk_with(
    db: &Db,
    items: &[Bulk<'_>],
    actor: i64,
    pattern: &IndexPattern,
    history: bool,
    progress: Option<&ImportProgress<'_>>,
) -> Result<Vec<String>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let numbers = bulk_index_numbers(&mut tx, items, pattern).await?;
    let ids = bulk_insert_entries(&mut tx, items, &numbers).await?;
    let mut counts: std::collections::HashMap<(&'static str, String), i64> = std::collections::HashMap::new();
    let mut tokens = Vec::with_capacity(items.len());
    for ((item, &id), index_no) in items.iter().zip(&ids).zip(&numbers) {
        let e = item.entry;
        if history {
            insert_revision(&mut tx, id, 1, RevisionState::Approved, actor, e).await?;
            event(&mut tx, id, Some(1), Some(actor), EntryAction::Imported, index_no).await?;
        }
        tokens.push((id, search::indexed(&e.title, &e.summary, &e.keywords, &e.doc_no, &e.body)));
        for key in nodes(item.unit_id, e.topic.as_str(), e.audience.as_str()) {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    bulk_index(&mut tx, db.backend, &tokens).await?;
    for ((dim, node), n) in counts {
        add_count(&mut tx, dim, &node, n).await?;
    }
    if let Some(p) = progress {
        sqlx::query("UPDATE catalog_imports SET done = $1, imported = $2, report = $3, lease_until = $4 WHERE id = $5")
            .bind(p.done)
            .bind(p.imported)
            .bind(p.report)
            .bind(p.lease_until)
            .bind(p.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(numbers)
}

/// The items' index numbers: the given ones, and for the rest the next serials of their unit and
/// period, in the items' order. Each (unit, period) takes its whole range in one upsert.
async fn bulk_index_numbers(tx: &mut Transaction<'_, Any>, items: &[Bulk<'_>], pattern: &IndexPattern) -> Result<Vec<String>, sqlx::Error> {
    // (unit, period) -> (how many, then the next serial to hand out)
    let mut ranges: std::collections::HashMap<(i64, String), (i64, i64)> = std::collections::HashMap::new();
    for item in items.iter().filter(|i| i.index_no.is_none()) {
        ranges.entry((item.unit_id, pattern.period(item.published_on))).or_insert((0, 0)).0 += 1;
    }
    let keys: Vec<(i64, String)> = ranges.keys().cloned().collect();
    for chunk in keys.chunks(200) {
        let mut sql = Sql::default();
        let rows: Vec<String> = chunk
            .iter()
            .map(|(unit, period)| {
                let n = ranges[&(*unit, period.clone())].0;
                format!("({}, {}, {})", sql.arg(Arg::I(*unit)), sql.text(period.clone()), sql.arg(Arg::I(n)))
            })
            .collect();
        let text = format!(
            "INSERT INTO catalog_serials (unit_id, period, last_serial) VALUES {} \
             ON CONFLICT (unit_id, period) DO UPDATE SET last_serial = catalog_serials.last_serial + excluded.last_serial \
             RETURNING unit_id, period, last_serial",
            rows.join(", ")
        );
        let taken: Vec<(i64, String, i64)> = bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&mut **tx).await?;
        for (unit, period, last) in taken {
            if let Some(r) = ranges.get_mut(&(unit, period)) {
                r.1 = last - r.0 + 1;
            }
        }
    }
    let mut numbers = Vec::with_capacity(items.len());
    for item in items {
        let number = match &item.index_no {
            Some(n) => n.clone(),
            None => {
                let range = ranges.get_mut(&(item.unit_id, pattern.period(item.published_on)));
                let serial = range.filter(|r| r.1 > 0).map(|r| {
                    r.1 += 1;
                    r.1 - 1
                });
                let serial = serial.ok_or_else(|| sqlx::Error::Protocol("an index-number serial was not returned".into()))?;
                pattern.render(item.unit_code, item.published_on, serial as u64)
            }
        };
        numbers.push(number);
    }
    Ok(numbers)
}

/// Inserts the items as published entries, [`BULK_ROWS`] to a statement, and returns their ids in
/// the items' order. An entry whose successor is an earlier item of the same statement starts a
/// new statement, so that the successor is found as it was when each entry took its own.
async fn bulk_insert_entries(tx: &mut Transaction<'_, Any>, items: &[Bulk<'_>], numbers: &[String]) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(items.len());
    let mut start = 0;
    while start < items.len() {
        let mut end = start + 1;
        while end < items.len()
            && end - start < BULK_ROWS
            && !items[end].entry.successor.as_ref().is_some_and(|s| numbers[start..end].contains(s))
        {
            end += 1;
        }
        let mut sql = Sql::default();
        let stamp = now();
        let rows: Vec<String> = (start..end)
            .map(|k| {
                let e = items[k].entry;
                let mut v = |a: Arg| sql.arg(a);
                let mut s = |t: &str| v(Arg::S(t.to_owned()));
                let fields = [
                    s(&e.title),
                    s(&e.summary),
                    s(&e.keywords),
                    s(&e.doc_no),
                    s(&e.written_on.to_string()),
                    s(e.topic.as_str()),
                    s(e.genre.as_str()),
                    s(e.audience.as_str()),
                    s(e.validity.as_str()),
                ];
                let successor = s(e.successor.as_deref().unwrap_or_default());
                let disclosure = s(e.disclosure.as_str());
                let body = s(&e.body);
                let index_no = s(&numbers[k]);
                let published = s(&items[k].published_on.to_string());
                let unit = sql.arg(Arg::I(items[k].unit_id));
                let created = sql.arg(Arg::I(stamp));
                format!(
                    "({}, (SELECT s.id FROM catalog_entries s WHERE s.index_no = {successor} AND s.state = 'published'), \
                     {disclosure}, {body}, {unit}, 'published', {index_no}, {published}, {published}, {created})",
                    fields.join(", ")
                )
            })
            .collect();
        let text = format!(
            "INSERT INTO catalog_entries (title, summary, keywords, doc_no, written_on, topic, genre, audience, validity, \
             successor_id, disclosure, body, unit_id, state, index_no, published_on, updated_on, created_at) VALUES {} \
             RETURNING id, index_no",
            rows.join(", ")
        );
        let mut inserted: Vec<(i64, String)> = bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&mut **tx).await?;
        // Both databases number the rows of one statement in increasing order as they insert them
        // (RETURNING itself promises no order); the index numbers confirm it.
        inserted.sort_unstable_by_key(|r| r.0);
        if inserted.len() != end - start || inserted.iter().zip(&numbers[start..end]).any(|(r, n)| &r.1 != n) {
            return Err(sqlx::Error::Protocol("bulk insert returned rows out of order".into()));
        }
        ids.extend(inserted.into_iter().map(|r| r.0));
        start = end;
    }
    Ok(ids)
}

/// Writes new entries' search tokens, many to a statement.
async fn bulk_index(tx: &mut Transaction<'_, Any>, backend: Backend, tokens: &[(i64, Indexed)]) -> Result<(), sqlx::Error> {
    for chunk in tokens.chunks(BULK_ROWS) {
        let mut sql = Sql::default();
        let text = match backend {
            Backend::Sqlite => {
                // A row of a rowid used before (and since deleted) may still be indexed.
                let mut gone = Sql::default();
                let ids: Vec<i64> = chunk.iter().map(|t| t.0).collect();
                let text = format!("DELETE FROM catalog_fts WHERE rowid IN {}", gone.in_list(&ids));
                bind_args!(sqlx::query(&text), &gone.args).execute(&mut **tx).await?;
                let rows: Vec<String> = chunk
                    .iter()
                    .map(|(id, t)| {
                        let (title, body) = t.fts5_columns();
                        format!("({}, {}, {})", sql.arg(Arg::I(*id)), sql.text(title), sql.text(body))
                    })
                    .collect();
                format!("INSERT INTO catalog_fts (rowid, title, body) VALUES {}", rows.join(", "))
            }
            Backend::Postgres => {
                let rows: Vec<String> = chunk
                    .iter()
                    .map(|(id, t)| format!("(CAST({} AS BIGINT), {})", sql.arg(Arg::I(*id)), sql.text(t.tsvector())))
                    .collect();
                format!(
                    "UPDATE catalog_entries SET search = CAST(v.search AS tsvector) FROM (VALUES {}) AS v (id, search) \
                     WHERE catalog_entries.id = v.id",
                    rows.join(", ")
                )
            }
        };
        bind_args!(sqlx::query(&text), &sql.args).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Which of these index numbers are taken already.
pub async fn taken_index_numbers(db: &Db, numbers: &[String]) -> Result<Vec<String>, sqlx::Error> {
    let mut taken = Vec::new();
    for chunk in numbers.chunks(200) {
        let mut sql = Sql::default();
        let marks: Vec<String> = chunk.iter().map(|n| sql.arg(Arg::S(n.clone()))).collect();
        if marks.is_empty() {
            continue;
        }
        let text = format!("SELECT index_no FROM catalog_entries WHERE index_no IN ({})", marks.join(", "));
        let rows: Vec<(String,)> = bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&db.pool).await?;
        taken.extend(rows.into_iter().map(|r| r.0));
    }
    Ok(taken)
}

/// Who wrote the revision waiting for review.
pub async fn pending_author(db: &Db, entry: i64) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT author_id FROM catalog_revisions WHERE entry_id = $1 AND state = 'pending'")
        .bind(entry)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0))
}

/// Saves the officer's changes to the entry's open revision (draft or returned).
pub async fn save(db: &Db, entry: i64, actor: i64, e: &Entry) -> Result<(), AppError> {
    let (rev, number, state) = open_revision(db, entry).await?.ok_or_else(changed)?;
    if !state.editable() {
        return Err(changed());
    }
    let mut tx = db.begin().await?;
    let done = bind_entry(
        sqlx::query_as::<_, ()>(
            "UPDATE catalog_revisions SET title = $1, summary = $2, keywords = $3, doc_no = $4, written_on = $5, topic = $6, \
             genre = $7, audience = $8, validity = $9, successor = $10, disclosure = $11, body = $12, updated_at = $13 \
             WHERE id = $14 AND state IN ('draft', 'returned') RETURNING 1",
        ),
        e,
    )
    .bind(now())
    .bind(rev)
    .fetch_optional(&mut *tx)
    .await?;
    if done.is_none() {
        return Err(changed());
    }
    event(&mut tx, entry, Some(number), Some(actor), EntryAction::Edited, "").await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the open revision from one state to another, recording who did it and why.
async fn transition(
    db: &Db,
    entry: i64,
    actor: i64,
    from: &[RevisionState],
    to: RevisionState,
    action: EntryAction,
    note: &str,
) -> Result<(), AppError> {
    let (rev, number, state) = open_revision(db, entry).await?.ok_or_else(changed)?;
    if !from.contains(&state) {
        return Err(changed());
    }
    let mut tx = db.begin().await?;
    let reviewing = to != RevisionState::Pending;
    let done = sqlx::query(
        "UPDATE catalog_revisions SET state = $1, updated_at = $2, \
         reviewer_id = CASE WHEN $3 = 1 THEN $4 ELSE reviewer_id END, \
         review_note = CASE WHEN $3 = 1 THEN $5 ELSE review_note END, \
         reviewed_at = CASE WHEN $3 = 1 THEN $2 ELSE reviewed_at END \
         WHERE id = $6 AND state = $7",
    )
    .bind(to.as_str())
    .bind(now())
    .bind(i64::from(reviewing))
    .bind(actor)
    .bind(note)
    .bind(rev)
    .bind(state.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(changed());
    }
    event(&mut tx, entry, Some(number), Some(actor), action, note).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn submit(db: &Db, entry: i64, actor: i64) -> Result<(), AppError> {
    transition(db, entry, actor, &[RevisionState::Draft, RevisionState::Returned], RevisionState::Pending, EntryAction::Submitted, "")
        .await
}

pub async fn return_to_officer(db: &Db, entry: i64, actor: i64, note: &str) -> Result<(), AppError> {
    transition(db, entry, actor, &[RevisionState::Pending], RevisionState::Returned, EntryAction::Returned, note).await
}

/// The reviewer approves the pending revision: it becomes the published text. A first
/// publication gets its index number from the unit's serial for the period.
pub async fn approve(db: &Db, entry: i64, actor: i64, today: Date, pattern: &IndexPattern) -> Result<String, AppError> {
    let row = self::entry(db, entry).await?.ok_or(AppError::NotFound)?;
    if row.state() == EntryState::Withdrawn {
        return Err(changed());
    }
    let (rev, number, state) = open_revision(db, entry).await?.ok_or_else(changed)?;
    if state != RevisionState::Pending {
        return Err(changed());
    }
    let r: RevisionRow = sqlx::query_as(&format!("{REVISION_SELECT} WHERE r.id = $1")).bind(rev).fetch_one(&db.pool).await?;
    let successor = match r.successor.as_str() {
        "" => None,
        s => Some(published_by_index(db, s, entry).await?.ok_or_else(|| AppError::invalid("successor", Msg::SuccessorNotFound))?),
    };
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE catalog_revisions SET state = 'approved', reviewer_id = $1, reviewed_at = $2, updated_at = $2 \
         WHERE id = $3 AND state = 'pending'",
    )
    .bind(actor)
    .bind(now())
    .bind(rev)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(changed());
    }
    let index_no = match row.index_no.clone() {
        Some(n) => n,
        None => {
            let period = pattern.period(today);
            let (serial,): (i64,) = sqlx::query_as(
                "INSERT INTO catalog_serials (unit_id, period, last_serial) VALUES ($1, $2, 1) \
                 ON CONFLICT (unit_id, period) DO UPDATE SET last_serial = catalog_serials.last_serial + 1 RETURNING last_serial",
            )
            .bind(row.unit_id)
            .bind(&period)
            .fetch_one(&mut *tx)
            .await?;
            let (code,): (String,) = sqlx::query_as("SELECT code FROM units WHERE id = $1").bind(row.unit_id).fetch_one(&mut *tx).await?;
            pattern.render(&code, today, serial as u64)
        }
    };
    sqlx::query(
        "UPDATE catalog_entries SET state = 'published', index_no = $1, title = $2, summary = $3, keywords = $4, doc_no = $5, \
         written_on = $6, published_on = COALESCE(published_on, $7), updated_on = $7, topic = $8, genre = $9, audience = $10, \
         validity = $11, successor_id = $12, disclosure = $13, body = $14 WHERE id = $15",
    )
    .bind(&index_no)
    .bind(&r.title)
    .bind(&r.summary)
    .bind(&r.keywords)
    .bind(&r.doc_no)
    .bind(&r.written_on)
    .bind(today.to_string())
    .bind(&r.topic)
    .bind(&r.genre)
    .bind(&r.audience)
    .bind(&r.validity)
    .bind(successor)
    .bind(&r.disclosure)
    .bind(&r.body)
    .bind(entry)
    .execute(&mut *tx)
    .await?;
    if row.state() == EntryState::Published {
        count(&mut tx, row.unit_id, &row.topic, &row.audience, -1).await?;
    }
    count(&mut tx, row.unit_id, &r.topic, &r.audience, 1).await?;
    let tokens = search::indexed(&r.title, &r.summary, &r.keywords, &r.doc_no, &r.body);
    index(&mut tx, db.backend, entry, Some(&tokens)).await?;
    event(&mut tx, entry, Some(number), Some(actor), EntryAction::Published, &index_no).await?;
    tx.commit().await?;
    tracing::info!(entry, revision = number, "catalog entry published");
    Ok(index_no)
}

/// Opens a new revision of a published entry, starting from the published text. The published
/// text stays online until the new revision is approved.
pub async fn start_revision(db: &Db, entry: i64, actor: i64) -> Result<(), AppError> {
    let row = self::entry(db, entry).await?.ok_or(AppError::NotFound)?;
    if row.state() != EntryState::Published || open_revision(db, entry).await?.is_some() {
        return Err(changed());
    }
    let last: RevisionRow = sqlx::query_as(&format!("{REVISION_SELECT} WHERE r.entry_id = $1 ORDER BY r.number DESC LIMIT 1"))
        .bind(entry)
        .fetch_one(&db.pool)
        .await?;
    // The published text passed these checks once; only a date in the future is let through now.
    let e = crate::domain::catalog::validate(&last.input(), Date::MAX).map_err(|_| changed())?;
    let mut tx = db.begin().await?;
    // The UNIQUE (entry_id, number) constraint refuses a second revision opened at the same time.
    let new = insert_revision(&mut tx, entry, last.number + 1, RevisionState::Draft, actor, &e).await?;
    // The published attachments carry forward as rows; the bytes are shared.
    sqlx::query(
        "INSERT INTO catalog_files (revision_id, name, mime, size, sha256, created_at) \
         SELECT $1, name, mime, size, sha256, created_at FROM catalog_files WHERE revision_id = $2 ORDER BY id",
    )
    .bind(new)
    .bind(last.id)
    .execute(&mut *tx)
    .await?;
    event(&mut tx, entry, Some(last.number + 1), Some(actor), EntryAction::Revised, "").await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a published entry off the public catalog, with the reason shown in its place.
pub async fn withdraw(db: &Db, entry: i64, actor: i64, reason: &str) -> Result<(), AppError> {
    let row = self::entry(db, entry).await?.ok_or(AppError::NotFound)?;
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE catalog_entries SET state = 'withdrawn', withdrawn_reason = $1 WHERE id = $2 AND state = 'published'")
        .bind(reason)
        .bind(entry)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(changed());
    }
    count(&mut tx, row.unit_id, &row.topic, &row.audience, -1).await?;
    index(&mut tx, db.backend, entry, None).await?;
    event(&mut tx, entry, None, Some(actor), EntryAction::Withdrawn, reason).await?;
    tx.commit().await?;
    Ok(())
}

/// Entries of the given units (`None`: all), filtered by what the list shows.
pub async fn staff_list(db: &Db, units: Option<&[i64]>, show: &str) -> Result<Vec<StaffEntryRow>, sqlx::Error> {
    let mut sql = Sql::default();
    let mut conditions: Vec<String> = Vec::new();
    if let Some(units) = units {
        conditions.push(format!("e.unit_id IN {}", sql.in_list(units)));
    }
    match show {
        "pending" | "draft" | "returned" => conditions.push(format!("r.state = {}", sql.arg(Arg::S(show.into())))),
        "published" | "withdrawn" => conditions.push(format!("e.state = {}", sql.arg(Arg::S(show.into())))),
        _ => {}
    }
    let where_ = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let text = format!(
        "SELECT e.id, COALESCE(r.title, e.title) AS title, u.name AS unit_name, e.state, e.index_no, r.state AS open_state, \
         COALESCE(r.updated_at, e.created_at) AS updated_at FROM catalog_entries e JOIN units u ON u.id = e.unit_id \
         LEFT JOIN catalog_revisions r ON r.entry_id = e.id AND r.state <> 'approved' {where_} \
         ORDER BY COALESCE(r.updated_at, e.created_at) DESC, e.id DESC LIMIT 200"
    );
    let rows: Vec<(i64, String, String, String, Option<String>, Option<String>, i64)> =
        bind_args!(sqlx::query_as(&text), &sql.args).fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, unit_name, state, index_no, open, updated)| StaffEntryRow {
            id,
            title,
            unit_name,
            state: EntryState::parse(&state).unwrap_or(EntryState::Unpublished),
            index_no: index_no.unwrap_or_default(),
            open: open.as_deref().and_then(RevisionState::parse),
            updated_at: beijing_time(updated),
        })
        .collect())
}

/// Revisions waiting for review in the given units.
pub async fn pending_count(db: &Db, units: Option<&[i64]>) -> Result<i64, sqlx::Error> {
    let mut sql = Sql::default();
    let filter = units.map(|u| format!("AND e.unit_id IN {}", sql.in_list(u))).unwrap_or_default();
    let text = format!(
        "SELECT COUNT(*) FROM catalog_revisions r JOIN catalog_entries e ON e.id = r.entry_id WHERE r.state = 'pending' {filter}"
    );
    let row: (i64,) = bind_args!(sqlx::query_as(&text), &sql.args).fetch_one(&db.pool).await?;
    Ok(row.0)
}

/// A unit's guide, if written: (body, updated).
pub async fn guide(db: &Db, unit: i64) -> Result<Option<(String, String)>, sqlx::Error> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT body, updated_at FROM unit_guides WHERE unit_id = $1").bind(unit).fetch_optional(&db.pool).await?;
    Ok(row.map(|(b, t)| (b, beijing_time(t))))
}

pub async fn save_guide(db: &Db, unit: i64, actor: i64, body: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO unit_guides (unit_id, body, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (unit_id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(unit)
    .bind(body)
    .bind(actor)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn unit_name(db: &Db, unit: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM units WHERE id = $1").bind(unit).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.0))
}

/// The latest approved revision of a published entry: its text is what the public sees.
const PUBLISHED_REVISION: &str = "SELECT r.id FROM catalog_revisions r JOIN catalog_entries e ON e.id = r.entry_id \
    WHERE r.entry_id = $1 AND e.state = 'published' AND r.state = 'approved' ORDER BY r.number DESC LIMIT 1";

/// The attachments the public sees on an entry (none unless it is published).
pub async fn published_files(db: &Db, entry: i64) -> Result<Vec<AttachmentView>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> =
        sqlx::query_as(&format!("SELECT id, name, size FROM catalog_files WHERE revision_id = ({PUBLISHED_REVISION}) ORDER BY id"))
            .bind(entry)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|(id, name, size)| AttachmentView { id, name, size }).collect())
}

/// A published attachment of `entry`: (name, mime, bytes).
pub async fn published_file(db: &Db, entry: i64, file: i64) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT f.name, f.mime, b.data FROM catalog_files f JOIN catalog_blobs b ON b.sha256 = f.sha256 \
         WHERE f.id = $2 AND f.revision_id = ({PUBLISHED_REVISION})"
    ))
    .bind(entry)
    .bind(file)
    .fetch_optional(&db.pool)
    .await
}

/// Any attachment of any revision of `entry`, for its unit's staff: (name, mime, bytes).
pub async fn staff_file(db: &Db, entry: i64, file: i64) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT f.name, f.mime, b.data FROM catalog_files f JOIN catalog_blobs b ON b.sha256 = f.sha256 \
         JOIN catalog_revisions r ON r.id = f.revision_id WHERE f.id = $1 AND r.entry_id = $2",
    )
    .bind(file)
    .bind(entry)
    .fetch_optional(&db.pool)
    .await
}

/// The revision an officer may still attach files to: (id, number), if the open one is editable.
async fn editable_revision(db: &Db, entry: i64) -> Result<Option<(i64, i64)>, sqlx::Error> {
    Ok(open_revision(db, entry).await?.filter(|(_, _, s)| s.editable()).map(|(id, n, _)| (id, n)))
}

/// Inside the transaction, touches the revision if it is still editable, which also holds it
/// against a submission racing with the file change; `false` when it no longer is.
async fn hold_editable(tx: &mut Transaction<'_, Any>, rev: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE catalog_revisions SET updated_at = $1 WHERE id = $2 AND state IN ('draft', 'returned')")
        .bind(now())
        .bind(rev)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Attaches a file to the entry's draft revision; `false` when there is no draft to attach to or
/// it already has the most files allowed.
pub async fn add_file(db: &Db, entry: i64, actor: i64, name: &str, mime: &str, data: &[u8]) -> Result<bool, sqlx::Error> {
    use sha2::{Digest, Sha256};
    let Some((rev, number)) = editable_revision(db, entry).await? else { return Ok(false) };
    let sha: String = Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect();
    let mut tx = db.begin().await?;
    if !hold_editable(&mut tx, rev).await? {
        return Ok(false);
    }
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM catalog_files WHERE revision_id = $1").bind(rev).fetch_one(&mut *tx).await?;
    if n >= super::files::MAX_FILES {
        return Ok(false);
    }
    sqlx::query("INSERT INTO catalog_blobs (sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING")
        .bind(&sha)
        .bind(data.len() as i64)
        .bind(data.to_vec())
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO catalog_files (revision_id, name, mime, size, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(rev)
        .bind(name)
        .bind(mime)
        .bind(data.len() as i64)
        .bind(&sha)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    event(&mut tx, entry, Some(number), Some(actor), EntryAction::FileAdded, name).await?;
    tx.commit().await?;
    Ok(true)
}

/// Takes a file off the entry's draft revision (the published revision keeps its own);
/// `false` when the file is not on an editable revision of this entry.
pub async fn remove_file(db: &Db, entry: i64, actor: i64, file: i64) -> Result<bool, sqlx::Error> {
    let Some((rev, number)) = editable_revision(db, entry).await? else { return Ok(false) };
    let mut tx = db.begin().await?;
    if !hold_editable(&mut tx, rev).await? {
        return Ok(false);
    }
    let name: Option<(String,)> = sqlx::query_as("DELETE FROM catalog_files WHERE id = $1 AND revision_id = $2 RETURNING name")
        .bind(file)
        .bind(rev)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((name,)) = name else { return Ok(false) };
    event(&mut tx, entry, Some(number), Some(actor), EntryAction::FileRemoved, &name).await?;
    tx.commit().await?;
    Ok(true)
}
