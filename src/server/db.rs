//! The database: SQLite (embedded, default) or PostgreSQL, behind sqlx's `Any` driver so that one
//! SQL text serves both. Queries use `$1, $2 …` placeholders, which both backends accept.

use anyhow::{Context, Result};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The largest memory map a SQLite connection may be given (`GONGKAI_SQLITE_MMAP_MB`): 64 GiB,
/// the cap this build of SQLite was compiled with (raised in `.cargo/config.toml`).
pub const MMAP_MAX_BYTES: u64 = 64 << 30;

/// How much of a SQLite file each connection reads through a memory map, by default: none.
/// A map shares the kernel's page cache, so it costs address space rather than memory, but every
/// page it touches counts in the process's resident size (RSS): a lookup server over 3,000,000
/// cases grew to 2.5 GB, where the same server reading with `read()` stayed at 56 MB and answered
/// 6-23 % fewer lookups per second (bench/results). A host that does not watch RSS can
/// turn it on.
pub const MMAP_BYTES: u64 = 0;

/// SQLite's own page cache per connection, by default: 4 MiB. Pages beyond it come from the
/// kernel's page cache with one `read()` each; a larger cache did not make the catalog or the
/// lookup faster (bench/results), and at most [`sqlite_pool_size`] + a few connections hold one.
pub const CACHE_BYTES: u64 = 4 << 20;

/// The pool's size on SQLite when `GONGKAI_DB_MAX_CONNECTIONS` is not set: two connections per
/// core, 4 to 16. SQLite's work runs on the server's own cores, so connections beyond that add
/// no throughput, only their caches and statements (about 5 MB each with a search loaded): on
/// two cores, a pool of 4 served the catalog and its searches as fast as a pool of 8, in 20 MB
/// less memory.
pub fn sqlite_pool_size(cores: usize) -> u32 {
    (cores.saturating_mul(2)).clamp(4, 16) as u32
}

/// How each SQLite connection reads the file: through a memory map of up to `map_bytes`
/// (`GONGKAI_SQLITE_MMAP_MB`; 0, the default: every page with `read`) and a private page cache
/// of `cache_bytes` (`GONGKAI_SQLITE_CACHE_MB`). The map is faster for random reads (the lookup
/// over millions of cases); without it, resident memory stays within the caches, at most one per
/// connection. `make bench` measures both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SqliteMemory {
    pub map_bytes: u64,
    pub cache_bytes: u64,
}

impl Default for SqliteMemory {
    fn default() -> Self {
        SqliteMemory { map_bytes: MMAP_BYTES, cache_bytes: CACHE_BYTES }
    }
}

impl SqliteMemory {
    /// The statements that set it on a connection.
    pub fn pragmas(self) -> String {
        format!("PRAGMA mmap_size = {}; PRAGMA cache_size = -{};", self.map_bytes, (self.cache_bytes / 1024).max(1))
    }
}

/// How long a pooled PostgreSQL connection may have been idle before it is tested (one round
/// trip) on its way out of the pool. Under load connections are idle for microseconds and go out
/// untested; a connection the database dropped while it sat in the pool (a restart takes longer
/// than this) is found before a request uses it.
pub const IDLE_BEFORE_PING: Duration = Duration::from_secs(1);

/// A pool plus the knowledge of which SQL dialect is behind it.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The working-day calendar, read on every deadline; see `calendar::store::load`.
    pub calendar_cache: Arc<Mutex<Option<(Instant, Arc<crate::domain::WorkingDayCalendar>)>>>,
    /// Direct read-only connections to a SQLite file for the lookup's hot path (`None` on
    /// PostgreSQL and for an in-memory database); see [`super::reader`].
    pub reader: Option<Arc<super::reader::Reader>>,
    /// On a SQLite file, the group-committing writer of filings and sessions (see
    /// [`super::writer`]); `None` on PostgreSQL and for an in-memory database.
    pub writer: Option<Arc<super::writer::Writer>>,
    /// On SQLite, the turn of this process's hottest writers (see [`Db::write_turn`]).
    write_gate: Arc<tokio::sync::Mutex<()>>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// On SQLite, waits for this process's turn to write (`None` on PostgreSQL, whose writers do
    /// not block each other). SQLite has one writer at a time; a connection that finds another
    /// writing waits in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and
    /// so wakes long after the lock is free. Writers that queue here take the lock as soon as it
    /// is released. Hold the turn from before `BEGIN` until after `COMMIT`, and take no other
    /// turn while holding it.
    pub async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.write_gate.lock().await),
            Backend::Postgres => None,
        }
    }

    /// Begins a transaction on a pooled connection. On SQLite it is `BEGIN IMMEDIATE`, which
    /// takes the write lock at once (waiting in the busy timeout like any writer): a deferred
    /// transaction that reads and then writes fails at once with "database is locked" when
    /// another connection committed in between, since SQLite cannot move its snapshot forward
    /// and does not wait. Every transaction the portal begins on the pool writes.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Connects without migrating.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db> {
        Db::connect_with_memory(url, max_connections, SqliteMemory::default()).await
    }

    /// Connects without migrating; on SQLite, each connection reads the file as `memory` says.
    pub async fn connect_with_memory(url: &str, max_connections: u32, memory: SqliteMemory) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:, got {url:?}");
        };
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url).context("DATABASE_URL is not a valid database address")?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            // sqlx pings a connection when it goes back to the pool and, by default, again when
            // it is taken out: two extra round trips to the database for every query. The one on
            // return stays (it finds a connection an aborted query left broken). On PostgreSQL
            // the one on taking is kept only for a connection that has been idle a while, when
            // the server may have gone away (restarted, or the connection cut by a firewall).
            // SQLite keeps it: without it, pool writers that read before writing in a deferred
            // transaction met more often and a survey answer and a rating failed with "database
            // is locked" in the browser tests, and no page got faster.
            .test_before_acquire(backend == Backend::Sqlite)
            .before_acquire(move |conn, meta| {
                Box::pin(async move {
                    if backend == Backend::Postgres && meta.idle_for >= IDLE_BEFORE_PING {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL with synchronous=FULL: an acknowledged commit survives a process or
                        // power loss; readers never block the writer. Reads go through a memory
                        // map and a page cache per connection (see `SqliteMemory`).
                        conn.execute(&*format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                             {}",
                            memory.pragmas()
                        ))
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot connect to the database ({})", redact(&url)))?;
        let (reader, writer) = match backend {
            Backend::Sqlite => (
                super::reader::Reader::for_url(&url, memory).map(Arc::new),
                super::writer::Writer::for_url(&url, memory).map(Arc::new),
            ),
            Backend::Postgres => (None, None),
        };
        Ok(Db { pool, backend, calendar_cache: Arc::default(), reader, writer, write_gate: Arc::default() })
    }

    /// Connects and applies every pending migration; an error here must stop start-up.
    pub async fn connect_and_migrate(url: &str, max_connections: u32) -> Result<Db> {
        Db::connect_and_migrate_with_memory(url, max_connections, SqliteMemory::default()).await
    }

    /// As [`Db::connect_and_migrate`], reading SQLite as [`Db::connect_with_memory`] does.
    pub async fn connect_and_migrate_with_memory(url: &str, max_connections: u32, memory: SqliteMemory) -> Result<Db> {
        let db = Db::connect_with_memory(url, max_connections, memory).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Refreshes SQLite's planner statistics where they are missing or stale (cheap: sampled),
    /// so that e.g. a unit filter is read through the unit's index rather than a topic's.
    pub async fn optimize(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            self.pool.execute("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;").await.context("PRAGMA optimize")?;
        }
        Ok(())
    }

    pub async fn migrate(&self) -> Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await.context("database migration failed; the server will not start")
    }

    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.context("database ping")?;
        Ok(())
    }
}

/// Creates the SQLite file's folder and asks sqlx to create the file when missing.
fn prepare_sqlite_url(url: &str) -> Result<String> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:" && !path.is_empty() {
        if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
    }
    let query = if query.contains("mode=") { query.to_owned() } else if query.is_empty() { "mode=rwc".into() } else { format!("{query}&mode=rwc") };
    Ok(format!("sqlite://{path}?{query}"))
}

/// Hides a password in a database address before it is logged.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{user}:***@{}", &url[..s], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// An instant as Beijing wall-clock time, `2026-11-22 09:30`.
pub fn beijing_time(secs: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(secs).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(time::macros::offset!(+8));
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two migration folders are twins: same files, same SQL but for the id and binary columns.
    #[test]
    fn migrations_for_both_backends_stay_in_step() {
        let dir = |b: &str| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(b);
        let names = |b: &str| {
            let mut v: Vec<_> = std::fs::read_dir(dir(b)).unwrap().map(|e| e.unwrap().file_name()).collect();
            v.sort();
            v
        };
        assert_eq!(names("sqlite"), names("postgres"));
        for name in names("sqlite") {
            // Search is built on each backend's own engine, triggers in each one's own language.
            if name.to_string_lossy().ends_with("_search.sql") || name.to_string_lossy().ends_with("_triggers.sql") {
                continue;
            }
            let normalise = |b: &str| {
                std::fs::read_to_string(dir(b).join(&name))
                    .unwrap()
                    .replace("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "INTEGER PRIMARY KEY")
                    .replace("BYTEA  NOT NULL", "BLOB   NOT NULL")
                    .replace("../postgres/", "../OTHER/")
                    .replace("../sqlite/", "../OTHER/")
            };
            assert_eq!(normalise("sqlite"), normalise("postgres"), "{name:?} differs beyond the id columns");
        }
    }

    #[test]
    fn sqlite_pool_is_two_connections_per_core_within_4_to_16() {
        assert_eq!([0, 1, 2, 3, 4, 8, 9, 64].map(sqlite_pool_size), [4, 4, 4, 6, 8, 16, 16, 16]);
        assert_eq!(sqlite_pool_size(usize::MAX), 16);
    }

    #[test]
    fn redact_hides_passwords_only() {
        assert_eq!(redact("postgres://gk:secret@db:5432/gk"), "postgres://gk:***@db:5432/gk");
        assert_eq!(redact("sqlite://data/gongkai.db"), "sqlite://data/gongkai.db");
    }

    #[test]
    fn sqlite_url_gets_create_mode() {
        assert_eq!(prepare_sqlite_url("sqlite::memory:").unwrap(), "sqlite://:memory:?mode=rwc");
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/sub/x.db", dir.path().display());
        assert!(prepare_sqlite_url(&url).unwrap().ends_with("/sub/x.db?mode=rwc"));
        assert!(dir.path().join("sub").is_dir());
    }
}
