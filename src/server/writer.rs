//! Group commit for the hottest writes to a SQLite file: filings and sessions.
//!
//! With `synchronous = FULL` every SQLite commit waits for the disk (one `fsync` of the WAL).
//! On the benchmark machine a commit of one row takes 0.7 ms, so one writer at a time can make
//! at most ≈ 1,400 commits a second, and a filing (the case, then the browser's session) took two.
//! The writer runs such writes on one thread with one connection and commits them in groups:
//! whatever arrived while the previous group was being written goes into the next transaction,
//! each job inside a savepoint of its own (a job that fails is rolled back alone), and every job
//! of the group is answered once the group's one commit is on disk. Under load one `fsync`
//! covers many writes; a lone write commits at once, as before.
//!
//! Each job is also a single hand-off to the writer's thread instead of one per statement
//! (sqlx runs each statement on its connection's thread). PostgreSQL and in-memory SQLite do not
//! use the writer: callers fall back to the pool (see [`Db::writer`](super::Db)).

use rusqlite::{Connection, OpenFlags};
use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::mpsc;

/// The most jobs one transaction takes, so that a long queue still commits regularly.
const MAX_GROUP: usize = 256;

/// What a job hands back to the writer: its answer, to be sent once the group's commit is known.
type Finish = Box<dyn FnOnce(Result<(), &WriteError>) + Send>;
/// A job runs on the writer's connection, or is refused (`None`) when there is none to run on.
type Job = Box<dyn FnOnce(Option<&Connection>) -> Finish + Send>;

#[derive(Debug)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// A writer for the file behind a `sqlite:` address (`None` for an in-memory database). Its
    /// thread opens the file on the first job and ends when the last [`Db`](super::Db) is dropped.
    /// Its connection reads the file as `memory` says.
    pub fn for_url(url: &str, memory: super::db::SqliteMemory) -> Option<Writer> {
        let path = super::reader::file_of(url)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new().name("sqlite-writer".into()).spawn(move || run(path, memory, queue)).ok()?;
        Some(Writer { jobs })
    }

    /// Runs `work` in the next group's transaction and answers once that has committed. An error
    /// from `work` rolls back only what `work` did.
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, WriteError> {
        let (answer, answered) = tokio::sync::oneshot::channel::<Result<T, WriteError>>();
        let job: Job = Box::new(move |conn: Option<&Connection>| -> Finish {
            let result = conn.map(|c| in_savepoint(c, work));
            Box::new(move |commit: Result<(), &WriteError>| {
                let result = match (result, commit) {
                    (Some(Ok(value)), Ok(())) => Ok(value),
                    (Some(Err(e)), Ok(())) => Err(e),
                    // Not run, or run in a group whose commit failed: nothing of it is stored.
                    (_, Err(e)) => Err(e.again()),
                    (None, Ok(())) => Err(WriteError::other("the database writer has no connection")),
                };
                let _ = answer.send(result);
            })
        });
        self.jobs.send(job).map_err(|_| WriteError::other("the database writer has stopped"))?;
        answered.await.map_err(|_| WriteError::other("the database writer dropped a write"))?
    }
}

/// Runs `work` between `SAVEPOINT` and `RELEASE`, or rolls it back to the savepoint. A panic in
/// `work` is caught and rolled back like an error, so the writer's thread lives on.
fn in_savepoint<T>(conn: &Connection, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, WriteError> {
    conn.execute_batch("SAVEPOINT job").map_err(WriteError::from)?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(conn)));
    let result = match outcome {
        Ok(Ok(value)) => return conn.execute_batch("RELEASE job").map(|()| value).map_err(WriteError::from),
        Ok(Err(e)) => WriteError::from(e),
        Err(_) => WriteError::other("a database write panicked"),
    };
    let _ = conn.execute_batch("ROLLBACK TO job; RELEASE job");
    Err(result)
}

fn open(path: &std::path::Path, memory: super::db::SqliteMemory) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )?;
    // As the pool's connections (`Db::connect`): a commit is durable once answered.
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
         {}",
        memory.pragmas()
    ))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.set_prepared_statement_cache_capacity(32);
    Ok(conn)
}

/// The writer's thread: takes the queue's jobs in groups, one transaction per group.
fn run(path: PathBuf, memory: super::db::SqliteMemory, queue: mpsc::Receiver<Job>) {
    let mut conn: Option<Connection> = None;
    while let Ok(first) = queue.recv() {
        if conn.is_none() {
            match open(&path, memory) {
                Ok(c) => conn = Some(c),
                Err(e) => {
                    first(None)(Err(&WriteError::from(e)));
                    continue;
                }
            }
        }
        let Some(c) = conn.as_ref() else { continue };
        if let Err(e) = c.execute_batch("BEGIN IMMEDIATE") {
            first(None)(Err(&WriteError::from(e)));
            // A connection that cannot start a transaction is opened afresh for the next job.
            conn = None;
            continue;
        }
        let mut finishers = vec![first(Some(c))];
        // Whatever queued while this group ran joins it, up to the group's limit, unless SQLite
        // itself rolled the transaction back (after a full disk or an I/O error, say): then the
        // whole group is lost, and the next jobs wait for a transaction of their own.
        while finishers.len() < MAX_GROUP && !c.is_autocommit() {
            match queue.try_recv() {
                Ok(job) => finishers.push(job(Some(c))),
                Err(_) => break,
            }
        }
        let committed = if c.is_autocommit() {
            Err(WriteError::other("the database rolled the write back"))
        } else {
            c.execute_batch("COMMIT").map_err(WriteError::from)
        };
        if committed.is_err() && !c.is_autocommit() {
            let _ = c.execute_batch("ROLLBACK");
        }
        for finish in finishers {
            finish(committed.as_ref().map(|_| ()));
        }
    }
}

/// A write that did not commit, as sqlx reports database errors (it converts into
/// `sqlx::Error::Database`), so that callers handle both paths alike.
#[derive(Debug)]
pub struct WriteError {
    message: String,
    code: Option<String>,
    kind: sqlx::error::ErrorKind,
}

impl WriteError {
    fn other(message: &str) -> WriteError {
        WriteError { message: message.to_owned(), code: None, kind: sqlx::error::ErrorKind::Other }
    }

    /// The same error for another job of a group that failed to commit.
    fn again(&self) -> WriteError {
        WriteError { message: self.message.clone(), code: self.code.clone(), kind: kind_copy(&self.kind) }
    }
}

fn kind_copy(kind: &sqlx::error::ErrorKind) -> sqlx::error::ErrorKind {
    use sqlx::error::ErrorKind as K;
    match kind {
        K::UniqueViolation => K::UniqueViolation,
        K::ForeignKeyViolation => K::ForeignKeyViolation,
        K::NotNullViolation => K::NotNullViolation,
        K::CheckViolation => K::CheckViolation,
        _ => K::Other,
    }
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> WriteError {
        use sqlx::error::ErrorKind as K;
        let (code, kind) = match &e {
            rusqlite::Error::SqliteFailure(f, _) => {
                let kind = match f.extended_code {
                    // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
                    2067 | 1555 => K::UniqueViolation,
                    787 => K::ForeignKeyViolation,
                    1299 => K::NotNullViolation,
                    275 => K::CheckViolation,
                    _ => K::Other,
                };
                (Some(f.extended_code.to_string()), kind)
            }
            _ => (None, K::Other),
        };
        WriteError { message: e.to_string(), code, kind }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WriteError {}

impl sqlx::error::DatabaseError for WriteError {
    fn message(&self) -> &str {
        &self.message
    }
    fn code(&self) -> Option<Cow<'_, str>> {
        self.code.as_deref().map(Cow::Borrowed)
    }
    fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        self
    }
    fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
        self
    }
    fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
        self
    }
    fn kind(&self) -> sqlx::error::ErrorKind {
        kind_copy(&self.kind)
    }
}

/// A value bound to a statement run through sqlx or the writer alike. The nulls are typed:
/// PostgreSQL refuses a text null for an integer column.
#[derive(Clone, Debug)]
pub enum Value {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::Text(v)
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Value::Int(v) => v.to_sql(),
            Value::Text(v) => v.to_sql(),
        }
    }
}

/// Binds `values` in order to a sqlx query.
pub fn bind_all<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    values: &'q [Value],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for v in values {
        query = match v {
            Value::Int(v) => query.bind(*v),
            Value::Text(v) => query.bind(v.as_deref()),
        };
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn writer() -> (tempfile::TempDir, Writer) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL);").unwrap();
        drop(conn);
        let w = Writer::for_url(&format!("sqlite://{}", path.display()), Default::default()).unwrap();
        (dir, w)
    }

    fn count(dir: &tempfile::TempDir) -> i64 {
        Connection::open(dir.path().join("w.db")).unwrap().query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0)).unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_all_commit_and_a_failing_one_rolls_back_alone() {
        let (dir, w) = writer().await;
        let w = std::sync::Arc::new(w);
        let mut tasks = Vec::new();
        for i in 0..200i64 {
            let w = w.clone();
            tasks.push(tokio::spawn(async move {
                w.write(move |c| {
                    c.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", rusqlite::params![format!("k{i}"), i])?;
                    if i % 10 == 0 {
                        // A second row under the same key: the job fails and its first row goes too.
                        c.execute("INSERT INTO t (k, v) VALUES (?1, 0)", rusqlite::params![format!("k{i}")])?;
                    }
                    Ok(i)
                })
                .await
            }));
        }
        let mut ok = 0;
        for (i, t) in tasks.into_iter().enumerate() {
            match t.await.unwrap() {
                Ok(v) => {
                    assert_eq!(v, i as i64);
                    ok += 1;
                }
                Err(e) => {
                    assert_eq!(i % 10, 0, "only the doubled keys fail: {e}");
                    assert!(sqlx::Error::from(e).as_database_error().unwrap().is_unique_violation());
                }
            }
        }
        assert_eq!(ok, 180);
        assert_eq!(count(&dir), 180, "every answered write is in the file, no failed one is");
    }

    /// A job that ends the transaction itself stands for SQLite rolling it back (after an I/O
    /// error, say): whatever shared its group is lost and must be answered with an error.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_is_answered_ok_exactly_when_it_is_stored() {
        let (dir, w) = writer().await;
        let w = std::sync::Arc::new(w);
        let mut tasks = Vec::new();
        for i in 0..100i64 {
            let w = w.clone();
            tasks.push(tokio::spawn(async move {
                let r = w
                    .write(move |c| {
                        c.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", rusqlite::params![format!("k{i}"), i])?;
                        if i % 25 == 7 {
                            c.execute_batch("ROLLBACK")?;
                        }
                        Ok(())
                    })
                    .await;
                (i, r.is_ok())
            }));
        }
        let conn = Connection::open(dir.path().join("w.db")).unwrap();
        let mut failed = 0;
        for t in tasks {
            let (i, ok) = t.await.unwrap();
            let stored: i64 = conn.query_row("SELECT COUNT(*) FROM t WHERE v = ?1", [i], |r| r.get(0)).unwrap();
            assert_eq!(stored == 1, ok, "write {i}: answered ok = {ok}, stored = {stored}");
            if i % 25 == 7 {
                assert!(!ok);
            }
            failed += usize::from(!ok);
        }
        assert!(failed >= 4);
        // The writer goes on afterwards.
        w.write(|c| c.execute("INSERT INTO t (k, v) VALUES ('after', -1)", [])).await.unwrap();
    }

    #[tokio::test]
    async fn a_panicking_job_is_an_error_and_the_writer_goes_on() {
        let (dir, w) = writer().await;
        let r: Result<(), _> = w
            .write(|c| {
                c.execute("INSERT INTO t (k, v) VALUES ('a', 1)", [])?;
                panic!("boom")
            })
            .await;
        assert!(r.is_err());
        w.write(|c| c.execute("INSERT INTO t (k, v) VALUES ('b', 2)", [])).await.unwrap();
        assert_eq!(count(&dir), 1);
    }

    #[tokio::test]
    async fn a_missing_file_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let w = Writer::for_url(&format!("sqlite://{}/none/x.db", dir.path().display()), Default::default()).unwrap();
        assert!(w.write(|c| c.execute("SELECT 1", [])).await.is_err());
    }
}
